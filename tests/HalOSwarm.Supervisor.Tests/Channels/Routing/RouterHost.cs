using System.Text.Json.Nodes;
using HalOSwarm.Supervisor.Channels.Alerts;
using HalOSwarm.Supervisor.Tests.Support;

namespace HalOSwarm.Supervisor.Tests.Channels.Routing;

/// <summary>Config and reads the router tests share: webhook targets (the one platform needing no token) and the stored alerts.</summary>
internal static class RouterHost
{
    /// <summary>A <c>channels</c> section with webhooks <c>ops</c>, <c>audit</c> and <c>alerts</c> (nothing listens there) and <paramref name="routes"/>.</summary>
    public static Action<JsonObject> Channels(string routes) => config => config["channels"] = new JsonObject
    {
        ["webhooks"] = new JsonObject
        {
            ["ops"] = new JsonObject { ["url"] = "http://127.0.0.1:9/ops", ["secret"] = "test-webhook-secret-0123456789abcdef" },
            ["audit"] = new JsonObject { ["url"] = "http://127.0.0.1:9/audit", ["secret"] = "test-webhook-secret-0123456789abcdef" },
            ["alerts"] = new JsonObject { ["url"] = "http://127.0.0.1:9/alerts", ["secret"] = "test-webhook-secret-0123456789abcdef" },
        },
        ["dashboard_url"] = "https://hal.example.test/",
        ["routes"] = JsonNode.Parse(routes),
    };

    public static Task<IReadOnlyList<StoredAlert>> AlertsAsync(SupervisorHost host, string? rule = null) =>
        host.Service<AlertQueries>().ListAsync(null, rule, 100, CancellationToken.None);

    public static async Task<IReadOnlyList<StoredAlert>> WaitForAlertsAsync(SupervisorHost host, string rule, int count)
    {
        IReadOnlyList<StoredAlert> alerts = [];
        await SupervisorHost.WaitUntilAsync(async () => (alerts = await AlertsAsync(host, rule)).Count >= count, $"{count} alerts of rule {rule}");
        return alerts;
    }
}
