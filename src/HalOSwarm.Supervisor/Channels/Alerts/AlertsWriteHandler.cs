using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;
using HalOSwarm.Supervisor.Storage.Writing;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.Channels.Alerts;

/// <summary>The <c>channel_alerts</c> rows the router makes and their first <c>channel_deliveries</c>, in the writer's priority lane.</summary>
internal sealed class AlertsWriteHandler : IWriteHandler<AlertsInsert>
{
    private readonly DbCommand _nextId;
    private readonly DbCommand _alert;
    private readonly DbCommand _post;
    private readonly DbCommand _cursor;

    public AlertsWriteHandler(IWriteContext context)
    {
        _nextId = context.Prepare("SELECT coalesce(max(id), 0) + 1 FROM channel_alerts");
        // The id is chosen here (the writer is the only one inserting), so the stored JSON carries it too.
        _alert = context.Prepare("""
            INSERT INTO channel_alerts (id, dedup_key, rule, event_id, event_type, session_id, node_id, project, approval_id, alert, created_at)
            VALUES (@id, @key, @rule, @event, @type, @session, @node, @project, @approval, @alert, @at)
            ON CONFLICT DO NOTHING
            """, "@id", "@key", "@rule", "@event", "@type", "@session", "@node", "@project", "@approval", "@alert", "@at");
        _post = context.Prepare("""
            INSERT INTO channel_deliveries (alert_id, target, op, state, attempts, next_attempt_at, created_at)
            VALUES (@alert, @target, 'post', 'pending', 0, @at, @at)
            ON CONFLICT DO NOTHING
            """, "@alert", "@target", "@at");
        _cursor = context.Prepare("""
            INSERT INTO event_cursors (consumer, last_id, updated_at) VALUES (@c, @id, @at)
            ON CONFLICT (consumer) DO UPDATE SET last_id = CASE WHEN excluded.last_id > event_cursors.last_id THEN excluded.last_id ELSE event_cursors.last_id END, updated_at = excluded.updated_at
            """, "@c", "@id", "@at");
    }

    public void Apply(AlertsInsert op, WriteBatch batch)
    {
        var ids = new long[op.Alerts.Count];
        var at = SqliteTime.Format(batch.Now);
        if (op.Cursor is { } cursor)
        {
            _cursor.Run(cursor.Consumer, cursor.LastId, at);
        }
        if (op.Alerts.Count == 0)
        {
            batch.Completed<IReadOnlyList<long>>(op, ids);
            return;
        }
        var next = Convert.ToInt64(_nextId.ExecuteScalar(), CultureInfo.InvariantCulture);
        for (var i = 0; i < op.Alerts.Count; i++)
        {
            var (key, alert, targets) = op.Alerts[i];
            var stored = alert with { AlertId = next };
            var json = JsonSerializer.Serialize(stored, AlertsJsonContext.Default.Alert);
            if (_alert.Run(next, key, alert.Rule, alert.EventId, alert.EventType, alert.SessionId, alert.NodeId, alert.Project,
                    alert.ApprovalId, json, at) == 0)
            {
                continue;
            }
            foreach (var target in targets)
            {
                _post.Run(next, target, at);
            }
            ids[i] = next++;
        }
        batch.Completed<IReadOnlyList<long>>(op, ids);
    }
}
