using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Tests.Support;

namespace HalOSwarm.Supervisor.Tests.Cost.Budgets;

/// <summary>Supervisors with budgets, usage sent as an agent sends it, and reads of what the budgets recorded.</summary>
internal static class BudgetHost
{
    /// <summary>A supervisor whose cost section is <paramref name="cost"/>; heartbeats slow enough for a clock moved by hours.</summary>
    public static Task<SupervisorHost> StartAsync(JsonObject cost, TimeProvider? timeProvider = null) =>
        SupervisorHost.StartAsync(c =>
        {
            c["cost"] = cost;
            c["server"]!["heartbeat_interval_sec"] = 3600;
            c["server"]!["heartbeat_timeout_count"] = 100;
        }, timeProvider: timeProvider);

    public static JsonObject Budget(string name, string scope, string action, decimal? limitUsd = null, long? limitTokens = null, string window = "daily")
    {
        var budget = new JsonObject { ["name"] = name, ["scope"] = scope, ["window"] = window, ["action"] = action };
        if (limitUsd is { } usd)
        {
            budget["limit_usd"] = usd;
        }
        if (limitTokens is { } tokens)
        {
            budget["limit_tokens"] = tokens;
        }
        return budget;
    }

    /// <summary>A usage event of <paramref name="costUsd"/> and <paramref name="tokens"/> input tokens at <paramref name="at"/>.</summary>
    public static AgentEvent Usage(long seq, string sessionId, decimal costUsd, DateTimeOffset at, long tokens = 100) =>
        new(seq, EventTypes.Usage, sessionId, at,
            JsonDocument.Parse(LedgerRows.Usage($"m{seq}", "anthropic", "claude-x", tokens, 0, costUsd)).RootElement.Clone());

    /// <summary>Sends events and waits until they are stored (and booked).</summary>
    public static async Task SendAndWaitAsync(this TestAgent agent, params AgentEvent[] events)
    {
        await agent.SendEventsAsync(events);
        await agent.WaitForAckAsync(events[^1].Seq);
    }

    /// <summary>The data of the stored events of <paramref name="type"/>, oldest first.</summary>
    public static async Task<List<JsonElement>> EventsAsync(this SupervisorHost host, string type, string? sessionId = null)
    {
        var query = $"/api/v1/events?type={type}&limit=500" + (sessionId is null ? "" : $"&session_id={sessionId}");
        var data = await host.GetDataAsync(query);
        return [.. data.EnumerateArray().Select(e => e.GetProperty("data").Clone())];
    }

    public static async Task<List<JsonElement>> WaitForEventsAsync(this SupervisorHost host, string type, int count, Func<JsonElement, bool>? where = null)
    {
        var found = new List<JsonElement>();
        await SupervisorHost.WaitUntilAsync(async () =>
        {
            found = [.. (await host.EventsAsync(type)).Where(where ?? (_ => true))];
            return found.Count >= count;
        }, $"{count} {type} events");
        return found;
    }

    public static async Task<(int Status, JsonElement Body)> SendAsync(this SupervisorHost host, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await host.Api.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    public static IReadOnlyList<ProjectInfo> Projects(params string[] names) => [.. names.Select(n => new ProjectInfo(n, "/work/" + n))];
}
