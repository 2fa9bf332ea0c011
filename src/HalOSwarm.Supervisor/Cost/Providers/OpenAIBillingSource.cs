using HalOSwarm.Supervisor.Cost.Providers.Wire;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Cost.Providers;

/// <summary>
/// The OpenAI organization APIs: completions usage grouped by model and project, and costs grouped by project and line
/// item (amounts in dollars), in daily buckets.
/// </summary>
internal sealed class OpenAIBillingSource(IHttpClientFactory clients, IOptions<CostOptions> options, TimeProvider timeProvider, ILogger<OpenAIBillingSource> logger)
    : IProviderSource
{
    public const string HttpClientName = "cost.openai";
    private const string UsagePath = "/v1/organization/usage/completions";
    private const string CostPath = "/v1/organization/costs";

    private readonly OpenAIProviderOptions _options = options.Value.Providers.OpenAI;
    private readonly ProviderScopes _scopes = new(options.Value.Providers.OpenAI.Projects);
    private readonly ProviderRequest _call = new()
    {
        Provider = ProviderNames.OpenAI,
        KeyName = "cost.providers.openai.org_api_key",
        Key = options.Value.Providers.OpenAI.OrgApiKey,
        Authorize = (request, key) => request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key),
        MaxRetries = options.Value.Providers.MaxRetries,
        RetryDelay = TimeSpan.FromMilliseconds(options.Value.Providers.RetryDelayMs),
    };

    public string Provider => ProviderNames.OpenAI;

    public bool IsConfigured => ProviderKeys.IsUsable(_options.OrgApiKey);

    public async Task<ProviderFetch> FetchAsync(DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken)
    {
        var http = new ProviderHttp(clients.CreateClient(HttpClientName), timeProvider, logger);
        var window = $"start_time={UnixSeconds(firstDay)}&end_time={UnixSeconds(lastDay.AddDays(1))}&bucket_width=1d&limit=31";
        var usage = await ProviderPages.ReadAllAsync(UsagePath,
            (page, ct) => http.GetAsync(_call, ProviderPages.Address(_options.BaseUrl, UsagePath, window + "&group_by[]=model&group_by[]=project_id", page),
                ProviderWireJsonContext.Default.OpenAIPageOpenAIUsageResult, ct),
            report => (report.Data, report.HasMore, report.NextPage), cancellationToken);
        var costs = await ProviderPages.ReadAllAsync(CostPath,
            (page, ct) => http.GetAsync(_call, ProviderPages.Address(_options.BaseUrl, CostPath, window + "&group_by[]=project_id&group_by[]=line_item", page),
                ProviderWireJsonContext.Default.OpenAIPageOpenAICostResult, ct),
            report => (report.Data, report.HasMore, report.NextPage), cancellationToken);
        return new ProviderFetch(Provider, firstDay, lastDay,
            ProviderRows.SumUsage(usage.Where(b => InWindow(b.StartTime, firstDay, lastDay)).SelectMany(b => b.Results.Select(r => Usage(b.StartTime, r)))),
            ProviderRows.SumCosts(costs.Where(b => InWindow(b.StartTime, firstDay, lastDay)).SelectMany(b => b.Results.Select(r => Cost(b.StartTime, r)))));
    }

    private ProviderUsageRow Usage(long start, OpenAIUsageResult result) => new()
    {
        Provider = Provider,
        Day = Day(start),
        ScopeId = ProviderScopes.Id(result.ProjectId),
        Model = result.Model ?? "",
        Project = _scopes.Project(result.ProjectId),
        // input_tokens includes the cached ones; stored uncached, as Anthropic reports them.
        InputTokens = result.InputTokens - result.InputCachedTokens,
        OutputTokens = result.OutputTokens,
        CacheReadTokens = result.InputCachedTokens,
        Requests = result.NumModelRequests,
    };

    private ProviderCostRow Cost(long start, OpenAICostResult result)
    {
        var amount = result.Amount ?? throw new ProviderPollException($"{CostPath}: a result without an amount");
        if (amount.Currency is { } currency && !currency.Equals("usd", StringComparison.OrdinalIgnoreCase))
        {
            throw new ProviderPollException($"{CostPath}: an amount in '{currency[..Math.Min(currency.Length, 16)]}', not usd");
        }
        if (Math.Abs(amount.Value) > BillingAmounts.MaxUsd)
        {
            throw new ProviderPollException($"{CostPath}: a cost amount beyond {BillingAmounts.MaxUsd} USD");
        }
        return new()
        {
            Provider = Provider,
            Day = Day(start),
            ScopeId = ProviderScopes.Id(result.ProjectId),
            LineItem = result.LineItem ?? "",
            Project = _scopes.Project(result.ProjectId),
            AmountUsd = amount.Value,
        };
    }

    private static DateOnly Day(long unixSeconds) => DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(unixSeconds).UtcDateTime);

    private static bool InWindow(long start, DateOnly first, DateOnly last) => Day(start) >= first && Day(start) <= last;

    private static long UnixSeconds(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds();
}
