using System.Data.Common;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;
using HalOSwarm.Supervisor.Storage.Writing;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.Channels.Alerts;

/// <summary>The answer columns of <c>channel_alerts</c> and the <c>update</c> deliveries an answer queues, in the writer's priority lane.</summary>
internal sealed class AlertBookWriteHandler
    : IWriteHandler<AlertBookClaim>, IWriteHandler<AlertBookComplete>, IWriteHandler<AlertBookAnswerElsewhere>
{
    /// <summary>The actor, name and platform of an answer given elsewhere (the API, halctl, the timeout, the agent program).</summary>
    public const string Supervisor = "supervisor";

    /// <summary>The action recorded on an alert closed because its request was answered elsewhere.</summary>
    public const string AnsweredElsewhere = "answered_elsewhere";

    private readonly DbCommand _claim;
    private readonly DbCommand _complete;
    private readonly DbCommand _queueUpdates;
    private readonly DbCommand _read;
    private readonly DbCommand _open;

    public AlertBookWriteHandler(IWriteContext context)
    {
        _claim = context.Prepare("""
            UPDATE channel_alerts SET answered_action = @action, answered_actor = @actor, answered_by = @by, answered_platform = @platform,
                answered_at = @at
            WHERE id = @id AND answered_action IS NULL
            """, "@id", "@action", "@actor", "@by", "@platform", "@at");
        _complete = context.Prepare("UPDATE channel_alerts SET answered_outcome = @outcome WHERE id = @id AND answered_action IS NOT NULL",
            "@id", "@outcome");
        // An update of a post still pending waits for that post (the dispatcher sends an update only once its post is
        // delivered): the post may already be on its way with the open alert, so the update is what shows the answer.
        _queueUpdates = context.Prepare("""
            INSERT INTO channel_deliveries (alert_id, target, op, state, attempts, next_attempt_at, created_at)
            SELECT alert_id, target, 'update', 'pending', 0, @at, @at FROM channel_deliveries
            WHERE alert_id = @id AND op = 'post' AND state IN ('pending', 'delivered')
            ORDER BY id
            """, "@id", "@at");
        _read = context.Prepare($"SELECT {AlertBookRows.Columns} FROM channel_alerts a WHERE a.id = @id", "@id");
        _open = context.Prepare("SELECT id FROM channel_alerts WHERE approval_id = @approval AND answered_action IS NULL ORDER BY id", "@approval");
    }

    public void Apply(AlertBookClaim op, WriteBatch batch)
    {
        var claimed = _claim.Run(op.AlertId, op.Action, op.Actor, op.By, op.Platform, SqliteTime.Format(op.At)) == 1;
        batch.Completed(op, new AlertClaim(Read(op.AlertId), claimed));
    }

    public void Apply(AlertBookComplete op, WriteBatch batch)
    {
        if (_complete.Run(op.AlertId, op.Outcome) != 1)
        {
            throw new InvalidOperationException(Read(op.AlertId) is null
                ? $"alert {op.AlertId} does not exist"
                : $"alert {op.AlertId} was not claimed: claim it before completing it");
        }
        _queueUpdates.Run(op.AlertId, SqliteTime.Format(op.At));
        batch.Completed(op, Read(op.AlertId)!);
    }

    public void Apply(AlertBookAnswerElsewhere op, WriteBatch batch)
    {
        var open = new List<long>();
        _open.Set(0, op.ApprovalId);
        using (var reader = _open.ExecuteReader())
        {
            while (reader.Read())
            {
                open.Add(reader.GetInt64(0));
            }
        }
        var at = SqliteTime.Format(op.At);
        var closed = 0;
        foreach (var id in open)
        {
            if (_claim.Run(id, AnsweredElsewhere, Supervisor, Supervisor, Supervisor, at) == 1)
            {
                _complete.Run(id, op.Outcome);
                _queueUpdates.Run(id, at);
                closed++;
            }
        }
        batch.Completed(op, closed);
    }

    private Alert? Read(long alertId)
    {
        _read.Set(0, alertId);
        using var reader = _read.ExecuteReader();
        return reader.Read() ? AlertBookRows.Read(reader, 0) : null;
    }
}
