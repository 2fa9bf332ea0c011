using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace HalOSwarm.Testing.FakeProviders;

/// <summary>
/// The OpenAI organization usage (completions) and costs APIs as the real service answers them: <c>Authorization:
/// Bearer</c> required, <c>start_time</c> / <c>end_time</c> in unix seconds, <c>group_by</c> as <c>group_by[]=</c> or
/// repeated <c>group_by=</c>, <c>object</c> fields, daily buckets paged with <c>has_more</c> / <c>next_page</c> →
/// <c>page</c>, costs as a JSON number in dollars with a lowercase currency.
/// </summary>
public sealed class FakeOpenAIAdminServer : FakeBillingServer
{
    public const string UsagePath = "/v1/organization/usage/completions";
    public const string CostPath = "/v1/organization/costs";
    private static readonly string[] s_usageGroups = ["project_id", "user_id", "api_key_id", "model", "batch", "service_tier"];
    private static readonly string[] s_costGroups = ["project_id", "line_item"];
    private readonly ConcurrentQueue<(DateOnly Day, string? Project, string Model, long Input, long Output, long Cached, long Requests)> _usage = new();
    private readonly ConcurrentQueue<(DateOnly Day, string? Project, string LineItem, decimal Dollars)> _costs = new();

    private FakeOpenAIAdminServer(string apiKey) : base(apiKey)
    {
    }

    public static Task<FakeOpenAIAdminServer> StartAsync(string apiKey, CancellationToken cancellationToken = default) =>
        StartAsync(new FakeOpenAIAdminServer(apiKey), cancellationToken);

    /// <summary>A usage row; <paramref name="input"/> includes the <paramref name="cached"/> tokens, as the service counts them.</summary>
    public void AddUsage(DateOnly day, string? projectId, string model, long input, long output, long cached = 0, long requests = 1) =>
        _usage.Enqueue((day, projectId, model, input, output, cached, requests));

    /// <summary>A cost row in dollars, written as a JSON number with exactly these digits.</summary>
    public void AddCost(DateOnly day, string? projectId, string lineItem, decimal dollars) => _costs.Enqueue((day, projectId, lineItem, dollars));

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

    protected override (int Status, string Json)? CheckCredentials(HttpRequest request) =>
        request.Headers.Authorization.ToString() == "Bearer " + ApiKey ? null : (401, ErrorJson(401, "Incorrect API key provided."));

    protected override string ErrorJson(int status, string message) => new JsonObject
    {
        ["error"] = new JsonObject
        {
            ["message"] = message,
            ["type"] = status switch { 401 => "invalid_request_error", 429 => "rate_limit_exceeded", >= 500 => "server_error", _ => "invalid_request_error" },
            ["param"] = null,
            ["code"] = status == 401 ? "invalid_api_key" : null,
        },
    }.ToJsonString();

    private async Task UsageAsync(HttpContext context)
    {
        if (!await AdmitAsync(context) || await ReadWindowAsync(context, s_usageGroups, 31) is not { } window)
        {
            return;
        }
        var model = window.Groups.Contains("model");
        var project = window.Groups.Contains("project_id");
        await WritePageAsync(context, window, day => new JsonArray([.. _usage.Where(u => u.Day == day)
            .GroupBy(u => (Model: model ? u.Model : null, Project: project ? u.Project : null))
            .Select(g => (JsonNode)new JsonObject
            {
                ["object"] = "organization.usage.completions.result",
                ["input_tokens"] = g.Sum(u => u.Input),
                ["output_tokens"] = g.Sum(u => u.Output),
                ["input_cached_tokens"] = g.Sum(u => u.Cached),
                ["input_audio_tokens"] = 0,
                ["output_audio_tokens"] = 0,
                ["num_model_requests"] = g.Sum(u => u.Requests),
                ["project_id"] = g.Key.Project,
                ["user_id"] = null,
                ["api_key_id"] = null,
                ["model"] = g.Key.Model,
                ["batch"] = null,
                ["service_tier"] = null,
            })]));
    }

    private async Task CostAsync(HttpContext context)
    {
        if (!await AdmitAsync(context) || await ReadWindowAsync(context, s_costGroups, 180) is not { } window)
        {
            return;
        }
        var lineItem = window.Groups.Contains("line_item");
        var project = window.Groups.Contains("project_id");
        await WritePageAsync(context, window, day => new JsonArray([.. _costs.Where(c => c.Day == day)
            .GroupBy(c => (LineItem: lineItem ? c.LineItem : null, Project: project ? c.Project : null))
            .Select(g => (JsonNode)new JsonObject
            {
                ["object"] = "organization.costs.result",
                ["amount"] = new JsonObject { ["value"] = g.Sum(c => c.Dollars), ["currency"] = "usd" },
                ["line_item"] = g.Key.LineItem,
                ["project_id"] = g.Key.Project,
            })]));
    }

    private sealed record Window(DateTimeOffset Start, DateTimeOffset End, int Limit, string? Page, HashSet<string> Groups);

    private async Task<Window?> ReadWindowAsync(HttpContext context, string[] groups, int maxLimit)
    {
        var query = context.Request.Query;
        string? problem = null;
        var start = DateTimeOffset.MinValue;
        if (!long.TryParse(query["start_time"], CultureInfo.InvariantCulture, out var startSeconds))
        {
            problem = "Missing query parameter 'start_time' (unix seconds)";
        }
        else
        {
            start = DateTimeOffset.FromUnixTimeSeconds(startSeconds);
        }
        var end = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(1), TimeSpan.Zero);
        if (query.ContainsKey("end_time"))
        {
            if (long.TryParse(query["end_time"], CultureInfo.InvariantCulture, out var endSeconds))
            {
                end = DateTimeOffset.FromUnixTimeSeconds(endSeconds);
            }
            else
            {
                problem = "Invalid 'end_time' (unix seconds)";
            }
        }
        var limit = 7;
        if (query.ContainsKey("limit") && (!int.TryParse(query["limit"], CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > maxLimit))
        {
            problem = $"Invalid 'limit': from 1 to {maxLimit}";
        }
        if (query.ContainsKey("bucket_width") && query["bucket_width"] != "1d")
        {
            problem = "bucket_width: this fake serves 1d buckets only";
        }
        var requested = StringValues.Concat(query["group_by[]"], query["group_by"]).Select(g => g ?? "").ToHashSet(StringComparer.Ordinal);
        if (requested.FirstOrDefault(g => !groups.Contains(g)) is { } unknown)
        {
            problem = $"Invalid 'group_by': '{unknown}' is not one of {string.Join(", ", groups)}";
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
            await WriteJsonAsync(context, 400, ErrorJson(400, "Invalid 'page'"));
            return;
        }
        var data = new JsonArray([.. days.Select(day => (JsonNode)new JsonObject
        {
            ["object"] = "bucket",
            ["start_time"] = day.ToUnixTimeSeconds(),
            ["end_time"] = day.AddDays(1).ToUnixTimeSeconds(),
            ["results"] = results(DateOnly.FromDateTime(day.UtcDateTime)),
        })]);
        await WriteJsonAsync(context, 200, new JsonObject { ["object"] = "page", ["data"] = data, ["has_more"] = next is not null, ["next_page"] = next }.ToJsonString());
    }
}
