using System.Text.Json;
using System.Text.Json.Nodes;
using HalOSwarm.Supervisor.Channels.Alerts;
using HalOSwarm.Supervisor.Channels.Delivery;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;
using HalOSwarm.Supervisor.Tests.Support;
using HalOSwarm.Testing;
using HalOSwarm.Testing.FakeChat.Webhook;

namespace HalOSwarm.Supervisor.Tests.Channels.Delivery;

/// <summary>
/// A supervisor with one webhook target (<c>webhook:n8n</c>) on a fake receiver, short backoffs, and a way to store an
/// alert with its post deliveries as the router does (rows in the test's database, then the outbox's signal).
/// </summary>
internal static class OutboxTestKit
{
    public const string Secret = "n8n-shared-secret-0123";
    public const string Target = "webhook:n8n";

    public static Task<SupervisorHost> StartAsync(FakeWebhookReceiver receiver, TempDirectory? reuse = null, int maxAttempts = 8, string? routes = null) =>
        SupervisorHost.StartAsync(config =>
        {
            var channels = new JsonObject
            {
                ["webhooks"] = new JsonObject { ["n8n"] = new JsonObject { ["url"] = receiver.Url.ToString(), ["secret"] = Secret } },
                ["delivery"] = new JsonObject { ["max_attempts"] = maxAttempts, ["initial_backoff_ms"] = 50, ["max_backoff_seconds"] = 1, ["timeout_seconds"] = 5 },
            };
            if (routes is not null)
            {
                channels["routes"] = JsonNode.Parse(routes);
            }
            config["channels"] = channels;
        }, reuse);

    public static Alert NewAlert(string title, string? approvalId = null) => new()
    {
        Rule = "needs-input",
        EventType = "session.needs_input",
        EventId = 11,
        Severity = AlertSeverities.Warning,
        Title = title,
        Text = "The session waits for a permission: bash `rm -rf build`",
        Fields = [new AlertField("Session", "s-1"), new AlertField("Node", "node-a")],
        NodeId = "node-a",
        SessionId = "s-1",
        Project = "web",
        ApprovalId = approvalId,
        Actions = [new AlertAction(AlertActions.Approve, "Approve", "primary"), new AlertAction(AlertActions.Deny, "Deny", "danger")],
        At = new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero),
    };

    /// <summary>Stores the alert and one pending post per target; returns the alert's id.</summary>
    public static async Task<long> StoreAsync(SupervisorHost host, Alert alert, params string[] targets)
    {
        var now = SqliteTime.Format(DateTimeOffset.UtcNow);
        long id;
        await using (var connection = await host.OpenDatabaseAsync(readOnly: false))
        {
            await using var transaction = await connection.BeginTransactionAsync();
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            // Ids as the alert router takes them (the next after the highest), so the SQL reads the same on both providers.
            insert.CommandText = """
                INSERT INTO channel_alerts (id, dedup_key, rule, event_id, event_type, session_id, node_id, project, approval_id, alert, created_at)
                VALUES ((SELECT COALESCE(max(id), 0) + 1 FROM channel_alerts), @key, @rule, @event, @type, @session, @node, @project, @approval, @alert, @now)
                RETURNING id
                """;
            insert.AddParameter("@key", "test:" + Guid.NewGuid().ToString("N"));
            insert.AddParameter("@rule", alert.Rule);
            insert.AddParameter("@event", alert.EventId);
            insert.AddParameter("@type", alert.EventType);
            insert.AddParameter("@session", alert.SessionId);
            insert.AddParameter("@node", alert.NodeId);
            insert.AddParameter("@project", alert.Project);
            insert.AddParameter("@approval", alert.ApprovalId);
            insert.AddParameter("@alert", JsonSerializer.Serialize(alert, AlertsJsonContext.Default.Alert));
            insert.AddParameter("@now", now);
            id = Convert.ToInt64(await insert.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
            foreach (var target in targets)
            {
                using var post = connection.CreateCommand();
                post.Transaction = transaction;
                post.CommandText = """
                    INSERT INTO channel_deliveries (alert_id, target, op, state, attempts, next_attempt_at, created_at)
                    VALUES (@alert, @target, 'post', 'pending', 0, @now, @now)
                    """;
                post.AddParameter("@alert", id);
                post.AddParameter("@target", target);
                post.AddParameter("@now", now);
                await post.ExecuteNonQueryAsync();
            }
            await transaction.CommitAsync();
        }
        host.Service<OutboxSignal>().Notify();
        return id;
    }

    /// <summary>The alert's deliveries as <c>GET /api/v1/channels/deliveries?alert_id=</c> lists them (newest first).</summary>
    public static async Task<JsonElement[]> DeliveriesAsync(SupervisorHost host, long alertId) =>
        [.. (await host.GetDataAsync($"/api/v1/channels/deliveries?alert_id={alertId}")).EnumerateArray()];

    public static async Task<JsonElement> WaitForStateAsync(SupervisorHost host, long alertId, string op, string state, int timeoutMs = 15_000)
    {
        JsonElement found = default;
        await SupervisorHost.WaitUntilAsync(async () =>
        {
            var row = (await DeliveriesAsync(host, alertId)).FirstOrDefault(d => d.GetProperty("op").GetString() == op);
            found = row;
            return row.ValueKind == JsonValueKind.Object && row.GetProperty("state").GetString() == state;
        }, $"alert {alertId}'s {op} to be {state}", timeoutMs);
        return found;
    }

    /// <summary>The requests the receiver got for one delivery (by <c>X-Hal-Delivery</c>).</summary>
    public static FakeWebhookRequest[] For(FakeWebhookReceiver receiver, long deliveryId) =>
        [.. receiver.Requests.Where(r => r.Header("X-Hal-Delivery") == deliveryId.ToString(System.Globalization.CultureInfo.InvariantCulture))];
}
