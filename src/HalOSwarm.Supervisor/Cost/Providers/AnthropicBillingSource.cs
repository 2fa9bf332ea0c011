using System.Globalization;
using HalOSwarm.Supervisor.Cost.Providers.Wire;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Cost.Providers;

/// <summary>
/// The Anthropic Admin API: the messages usage report grouped by model and workspace, and the cost report grouped by
/// workspace and description (amounts in cents as decimal strings), in daily buckets.
/// </summary>
internal sealed class AnthropicBillingSource(IHttpClientFactory clients, IOptions<CostOptions> options, TimeProvider timeProvider, ILogger<AnthropicBillingSource> logger)
    : IProviderSource
{
    public const string HttpClientName = "cost.anthropic";
    public const string ApiVersion = "2023-06-01";
    private const string UsagePath = "/v1/organizations/usage_report/messages";
    private const string CostPath = "/v1/organizations/cost_report";

    private readonly AnthropicProviderOptions _options = options.Value.Providers.Anthropic;
    private readonly ProviderScopes _scopes = new(options.Value.Providers.Anthropic.Workspaces);
    private readonly ProviderRequest _call = new()
    {
        Provider = ProviderNames.Anthropic,
        KeyName = "cost.providers.anthropic.admin_api_key",
        Key = options.Value.Providers.Anthropic.AdminApiKey,
        Authorize = (request, key) =>
        {
            request.Headers.Add("x-api-key", key);
            request.Headers.Add("anthropic-version", ApiVersion);
        },
        MaxRetries = options.Value.Providers.MaxRetries,
        RetryDelay = TimeSpan.FromMilliseconds(options.Value.Providers.RetryDelayMs),
    };

    public string Provider => ProviderNames.Anthropic;

    public bool IsConfigured => ProviderKeys.IsUsable(_options.AdminApiKey);

    public async Task<ProviderFetch> FetchAsync(DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken)
    {
        var http = new ProviderHttp(clients.CreateClient(HttpClientName), timeProvider, logger);
        var window = $"starting_at={Rfc3339(firstDay)}&ending_at={Rfc3339(lastDay.AddDays(1))}&bucket_width=1d&limit=31";
        var usage = await ProviderPages.ReadAllAsync(UsagePath,
            (page, ct) => http.GetAsync(_call, ProviderPages.Address(_options.BaseUrl, UsagePath, window + "&group_by[]=model&group_by[]=workspace_id", page),
                ProviderWireJsonContext.Default.AnthropicReportAnthropicUsageResult, ct),
            report => (report.Data, report.HasMore, report.NextPage), cancellationToken);
        var costs = await ProviderPages.ReadAllAsync(CostPath,
            (page, ct) => http.GetAsync(_call, ProviderPages.Address(_options.BaseUrl, CostPath, window + "&group_by[]=workspace_id&group_by[]=description", page),
                ProviderWireJsonContext.Default.AnthropicReportAnthropicCostResult, ct),
            report => (report.Data, report.HasMore, report.NextPage), cancellationToken);
        return new ProviderFetch(Provider, firstDay, lastDay,
            ProviderRows.SumUsage(usage.Where(b => InWindow(b.StartingAt, firstDay, lastDay)).SelectMany(b => b.Results.Select(r => Usage(b.StartingAt, r)))),
            ProviderRows.SumCosts(costs.Where(b => InWindow(b.StartingAt, firstDay, lastDay)).SelectMany(b => b.Results.Select(r => Cost(b.StartingAt, r)))));
    }

    private ProviderUsageRow Usage(DateTimeOffset start, AnthropicUsageResult result) => new()
    {
        Provider = Provider,
        Day = Day(start),
        ScopeId = ProviderScopes.Id(result.WorkspaceId),
        Model = result.Model ?? "",
        Project = _scopes.Project(result.WorkspaceId),
        InputTokens = result.UncachedInputTokens,
        OutputTokens = result.OutputTokens,
        CacheReadTokens = result.CacheReadInputTokens,
        CacheWriteTokens = (result.CacheCreation?.Ephemeral1hInputTokens ?? 0) + (result.CacheCreation?.Ephemeral5mInputTokens ?? 0),
    };

    private ProviderCostRow Cost(DateTimeOffset start, AnthropicCostResult result)
    {
        if (result.Currency is { } currency && !currency.Equals("USD", StringComparison.OrdinalIgnoreCase))
        {
            throw new ProviderPollException($"{CostPath}: an amount in '{currency[..Math.Min(currency.Length, 16)]}', not USD");
        }
        return new()
        {
            Provider = Provider,
            Day = Day(start),
            ScopeId = ProviderScopes.Id(result.WorkspaceId),
            LineItem = result.Description ?? result.CostType ?? "",
            Model = result.Model,
            Project = _scopes.Project(result.WorkspaceId),
            AmountUsd = BillingAmounts.CentsToUsd(result.Amount),
        };
    }

    private static DateOnly Day(DateTimeOffset start) => DateOnly.FromDateTime(start.UtcDateTime);

    private static bool InWindow(DateTimeOffset start, DateOnly first, DateOnly last) => Day(start) >= first && Day(start) <= last;

    private static string Rfc3339(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";
}
