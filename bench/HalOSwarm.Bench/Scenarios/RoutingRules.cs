using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HalOSwarm.Bench.Scenarios;

/// <summary>
/// The <c>channels</c> section of the routing scenario: 50 rules to one webhook at a local address nothing listens on
/// (a valid target; what the outbox does with it is not measured). One rule matches every type (so the router reads
/// every event) on a field that never holds; a few match the bench's events with <c>where</c> conditions (throttled,
/// counted, reading the data or the session's project); one is an idle sweep; the rest match types the bench never sends.
/// </summary>
internal static class RoutingRules
{
    public const int Count = 50;

    private static readonly string[] s_otherTypes =
    [
        "session.error", "session.needs_input", "node.offline", "cost.threshold", "cost.forecast", "cost.budget", "policy.*",
        "permission.asked", "worktree.kept", "project.done", "dependency.triggered",
    ];

    public static JsonElement Channels()
    {
        var routes = new JsonArray
        {
            Rule("all-types", "*", ["node == bench-no-such-node"]),
            Rule("idle-throttled", "session.idle", ["type == session.idle"], throttle: "30s"),
            Rule("idle-counted", "session.idle", ["count >= 50 within 1m"]),
            Rule("bash-started", "tool.started", ["data.tool == bash"], throttle: "1m"),
            Rule("tool-never", "tool.finished", ["data.tool == never-this-tool"]),
            Rule("project-never", "session.running", ["project == bench-no-such-project"]),
            Rule("idle-sweep", "", ["idle_for > 10m"]),
        };
        for (var i = routes.Count; i < Count; i++)
        {
            var type = s_otherTypes[i % s_otherTypes.Length];
            routes.Add(Rule(string.Create(CultureInfo.InvariantCulture, $"other-{i}"), type,
                [string.Create(CultureInfo.InvariantCulture, $"data.reason contains reason-{i}")]));
        }
        var channels = new JsonObject
        {
            ["webhooks"] = new JsonObject { ["bench"] = new JsonObject { ["url"] = "http://127.0.0.1:9/hal-bench", ["secret"] = "hal-bench-webhook-secret-0123456789" } },
            ["routes"] = routes,
        };
        return JsonSerializer.SerializeToElement(channels, RoutingJsonContext.Default.JsonObject);
    }

    /// <summary>The same section without rules and with no channel named alerts: the router reads nothing.</summary>
    public static JsonElement None() =>
        JsonSerializer.SerializeToElement(new JsonObject { ["routes"] = new JsonArray() }, RoutingJsonContext.Default.JsonObject);

    private static JsonObject Rule(string name, string match, string[] where, string? throttle = null)
    {
        var rule = new JsonObject
        {
            ["name"] = name,
            ["where"] = new JsonArray([.. where.Select(w => (JsonNode)JsonValue.Create(w))]),
            ["target"] = "webhook:bench",
        };
        if (match.Length > 0)
        {
            rule["match"] = match;
        }
        if (throttle is not null)
        {
            rule["throttle"] = throttle;
        }
        return rule;
    }
}
