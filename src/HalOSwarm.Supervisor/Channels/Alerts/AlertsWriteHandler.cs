using System.Globalization;
using System.Text.Json;
using HalOSwarm.Supervisor.Storage.Sqlite;
using HalOSwarm.Supervisor.Storage.Writing;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.Channels.Alerts;

/// <summary>The <c>channel_alerts</c> rows the router makes and their first <c>channel_deliveries</c>, in the writer's priority lane.</summary>
internal sealed class AlertsWriteHandler : IWriteHandler<AlertsInsert>
{
    private readonly SqliteCommand _nextId;
    private readonly SqliteCommand _alert;
    private readonly SqliteCommand _post;

    public AlertsWriteHandler(SqliteWriteContext context)
    {
        _nextId = context.Prepare("SELECT coalesce(max(id), 0) + 1 FROM channel_alerts");
        // The id is chosen here (the writer is the only one inserting), so the stored JSON carries it too.
        _alert = context.Prepare("""
            INSERT OR IGNORE INTO channel_alerts (id, dedup_key, rule, event_id, event_type, session_id, node_id, project, approval_id, alert, created_at)
            VALUES ($id, $key, $rule, $event, $type, $session, $node, $project, $approval, $alert, $at)
            """, "$id", "$key", "$rule", "$event", "$type", "$session", "$node", "$project", "$approval", "$alert", "$at");
        _post = context.Prepare("""
            INSERT OR IGNORE INTO channel_deliveries (alert_id, target, op, state, attempts, next_attempt_at, created_at)
            VALUES ($alert, $target, 'post', 'pending', 0, $at, $at)
            """, "$alert", "$target", "$at");
    }

    public void Apply(AlertsInsert op, WriteBatch batch)
    {
        var ids = new long[op.Alerts.Count];
        var next = Convert.ToInt64(_nextId.ExecuteScalar(), CultureInfo.InvariantCulture);
        var at = SqliteTime.Format(batch.Now);
        for (var i = 0; i < op.Alerts.Count; i++)
        {
            var (key, alert, targets) = op.Alerts[i];
            var stored = alert with { AlertId = next };
            var json = JsonSerializer.Serialize(stored, AlertsJsonContext.Default.Alert);
            if (SqliteWriteContext.Run(_alert, next, key, alert.Rule, alert.EventId, alert.EventType, alert.SessionId, alert.NodeId, alert.Project,
                    alert.ApprovalId, json, at) == 0)
            {
                continue;
            }
            foreach (var target in targets)
            {
                SqliteWriteContext.Run(_post, next, target, at);
            }
            ids[i] = next++;
        }
        batch.Completed<IReadOnlyList<long>>(op, ids);
    }
}
