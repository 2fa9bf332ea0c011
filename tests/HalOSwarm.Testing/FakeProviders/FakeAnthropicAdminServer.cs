using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace HalOSwarm.Testing.FakeProviders;

/// <summary>
/// The Anthropic Admin API's usage and cost reports as the real service answers them: <c>x-api-key</c> and
/// <c>anthropic-version: 2023-06-01</c> required, <c>starting_at</c> / <c>ending_at</c> in RFC 3339, bracketed
/// <c>group_by[]</c>, daily buckets paged with <c>has_more</c> / <c>next_page</c> → <c>page</c>, dimension fields null
/// unless grouped by, cost amounts as decimal strings in cents.
/// </summary>
public sealed class FakeAnthropicAdminServer : FakeBillingServer
{
    public const string UsagePath = "/v1/organizations/usage_report/messages";
    public const string CostPath = "/v1/organizations/cost_report";
    private static readonly string[] s_usageGroups = ["api_key_id", "workspace_id", "model", "service_tier", "context_window", "inference_geo"];
    private static readonly string[] s_costGroups = ["workspace_id", "description"];
    private readonly ConcurrentQueue<(DateOnly Day, string? Workspace, string Model, long Input, long Output, long CacheRead, long CacheWrite)> _usage = new();
    private readonly ConcurrentQueue<(DateOnly Day, string? Workspace, string Description, string Cents, string? Model)> _costs = new();

    private FakeAnthropicAdminServer(string apiKey) : base(apiKey)
    {
    }

    public static Task<FakeAnthropicAdminServer> StartAsync(string apiKey, CancellationToken cancellationToken = default) =>
        StartAsync(new FakeAnthropicAdminServer(apiKey), cancellationToken);

    public void AddUsage(DateOnly day, string? workspaceId, string model, long uncachedInput, long output, long cacheRead = 0, long cacheWrite5m = 0) =>
        _usage.Enqueue((day, workspaceId, model, uncachedInput, output, cacheRead, cacheWrite5m));

    /// <summary>A cost row; <paramref name="cents"/> is served exactly as given (rows of one group are summed as decimals).</summary>
    public void AddCost(DateOnly day, string? workspaceId, string description, string cents, string? model = null) =>
        _costs.Enqueue((day, workspaceId, description, cents, model));

    public void ClearData()
    {
        _usage.Clear();
        _costs.Clear();
    }

    protected override void Map(WebApplication app)
    {
        app.MapGet(UsagePath, UsageAsync);
        app.MapGet(CostPath, CostAsync);
    }

    protected override (int Status, string Json)? CheckCredentials(HttpRequest request)
    {
        if (request.Headers["x-api-key"].ToString() != ApiKey)
        {
            return (401, ErrorJson(401, "invalid x-api-key"));
        }
        return request.Headers["anthropic-version"].ToString() == "2023-06-01" ? null : (400, ErrorJson(400, "anthropic-version: header is required"));
    }

    protected override string ErrorJson(int status, string message) => new JsonObject
    {
        ["type"] = "error",
        ["error"] = new JsonObject
        {
            ["type"] = status switch { 400 => "invalid_request_error", 401 => "authentication_error", 429 => "rate_limit_error", 529 => "overloaded_error", _ => "api_error" },
            ["message"] = message,
        },
    }.ToJsonString();

    private async Task UsageAsync(HttpContext context)
    {
        if (!await AdmitAsync(context) || await ReadWindowAsync(context, s_usageGroups) is not { } window)
        {
            return;
        }
        var model = window.Groups.Contains("model");
        var workspace = window.Groups.Contains("workspace_id");
        await WritePageAsync(context, window, day => new JsonArray([.. _usage.Where(u => u.Day == day)
            .GroupBy(u => (Model: model ? u.Model : null, Workspace: workspace ? u.Workspace : null))
            .Select(g => (JsonNode)new JsonObject
            {
                ["uncached_input_tokens"] = g.Sum(u => u.Input),
                ["cache_creation"] = new JsonObject { ["ephemeral_1h_input_tokens"] = 0, ["ephemeral_5m_input_tokens"] = g.Sum(u => u.CacheWrite) },
                ["cache_read_input_tokens"] = g.Sum(u => u.CacheRead),
                ["output_tokens"] = g.Sum(u => u.Output),
                ["server_tool_use"] = new JsonObject { ["web_search_requests"] = 0 },
                ["api_key_id"] = null,
                ["workspace_id"] = g.Key.Workspace,
                ["model"] = g.Key.Model,
                ["service_tier"] = null,
                ["context_window"] = null,
            })]));
    }

    private async Task CostAsync(HttpContext context)
    {
        if (!await AdmitAsync(context) || await ReadWindowAsync(context, s_costGroups) is not { } window)
        {
            return;
        }
        var description = window.Groups.Contains("description");
        var workspace = window.Groups.Contains("workspace_id");
        await WritePageAsync(context, window, day => new JsonArray([.. _costs.Where(c => c.Day == day)
            .GroupBy(c => (Description: description ? c.Description : null, Workspace: workspace ? c.Workspace : null))
            .Select(g => (JsonNode)new JsonObject
            {
                ["currency"] = "USD",
                ["amount"] = g.Count() == 1 ? g.First().Cents : g.Sum(c => decimal.Parse(c.Cents, CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture),
                ["workspace_id"] = g.Key.Workspace,
                ["description"] = g.Key.Description,
                ["cost_type"] = description ? "tokens" : null,
                ["context_window"] = null,
                ["model"] = description ? g.First().Model : null,
                ["service_tier"] = null,
                ["token_type"] = null,
            })]));
    }

    private sealed record Window(DateTimeOffset Start, DateTimeOffset End, int Limit, string? Page, HashSet<string> Groups);

    private async Task<Window?> ReadWindowAsync(HttpContext context, string[] groups)
    {
        var query = context.Request.Query;
        string? problem = null;
        if (!DateTimeOffset.TryParse(query["starting_at"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var start))
        {
            problem = "starting_at: Field required (an RFC 3339 timestamp)";
        }
        var end = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(1), TimeSpan.Zero);
        if (query.ContainsKey("ending_at") && !DateTimeOffset.TryParse(query["ending_at"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out end))
        {
            problem = "ending_at: an RFC 3339 timestamp";
        }
        var limit = 7;
        if (query.ContainsKey("limit") && (!int.TryParse(query["limit"], CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 31))
        {
            problem = "limit: must be from 1 to 31 for bucket_width 1d";
        }
        if (query.ContainsKey("bucket_width") && query["bucket_width"] != "1d")
        {
            problem = "bucket_width: this fake serves 1d buckets only";
        }
        var requested = query["group_by[]"].Select(g => g ?? "").ToHashSet(StringComparer.Ordinal);
        if (query.ContainsKey("group_by"))
        {
            problem = "group_by: arrays are passed as group_by[]";
        }
        else if (requested.FirstOrDefault(g => !groups.Contains(g)) is { } unknown)
        {
            problem = $"group_by[]: '{unknown}' is not one of {string.Join(", ", groups)}";
        }
        if (problem is null)
        {
            return new Window(start, end, limit, query.ContainsKey("page") ? query["page"].ToString() : null, requested);
        }
        await WriteJsonAsync(context, 400, ErrorJson(400, problem));
        return null;
    }

    private async Task WritePageAsync(HttpContext context, Window window, Func<DateOnly, JsonArray> results)
    {
        if (!TryPage(window.Start, window.End, window.Limit, window.Page, out var days, out var next))
        {
            await WriteJsonAsync(context, 400, ErrorJson(400, "page: invalid page token"));
            return;
        }
        var data = new JsonArray([.. days.Select(day => (JsonNode)new JsonObject
        {
            ["starting_at"] = day.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["ending_at"] = day.AddDays(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["results"] = results(DateOnly.FromDateTime(day.UtcDateTime)),
        })]);
        await WriteJsonAsync(context, 200, new JsonObject { ["data"] = data, ["has_more"] = next is not null, ["next_page"] = next }.ToJsonString());
    }
}
