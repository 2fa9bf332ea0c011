using System.Data.Common;
using System.Text.Json;
using HalOSwarm.Supervisor.Cluster;
using HalOSwarm.Supervisor.Observability;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;
using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Commands;

/// <summary>
/// The commands table's writes, in the priority lane of the storage writer. The insert is where idempotency is
/// decided: the single writer reads the key's command and inserts the new one in one step, and a unique index on
/// active keys backs it up.
/// </summary>
internal sealed class CommandWriteHandler : IWriteHandler<CommandInsert>, IWriteHandler<CommandUpdate>
{
    private readonly DbCommand _find;
    private readonly DbCommand _release;
    private readonly DbCommand _insert;
    private readonly DbCommand _update;
    private readonly DbCommand? _notify;
    private readonly string _supervisorId;
    private readonly SupervisorMetrics _metrics;

    public CommandWriteHandler(IWriteContext context, SupervisorMetrics metrics, SupervisorIdentity identity)
    {
        _supervisorId = identity.Id;
        _metrics = metrics;
        _find = context.Prepare($"SELECT {CommandStore.Columns} FROM commands WHERE idempotency_key = @key AND key_active = 1", "@key");
        _release = context.Prepare("UPDATE commands SET key_active = 0 WHERE command_id = @id", "@id");
        _insert = context.Prepare("""
            INSERT INTO commands (command_id, type, node_id, session_id, project, args, state, error, created_at, updated_at,
                                  actor, idempotency_key, key_active, attempts, parent_command_id, source_address, correlation_id)
            VALUES (@id, @type, @node, @session, @project, @args, @state, @error, @at, @at, @actor, @key, @active, 0, @parent, @source, @correlation)
            """, "@id", "@type", "@node", "@session", "@project", "@args", "@state", "@error", "@at", "@actor", "@key", "@active", "@parent", "@source",
            "@correlation");
        _update = context.Prepare("""
            UPDATE commands SET state = @state, result = @result, error = @error, error_code = @code, updated_at = @at,
                                attempts = @attempts, deadline_at = @deadline, finished_at = @finished, session_id = @session
            WHERE command_id = @id
            """, "@id", "@state", "@result", "@error", "@code", "@at", "@attempts", "@deadline", "@finished", "@session");
        // On PostgreSQL the other supervisors hear of a stored command (the one holding its node's socket delivers it) and
        // of a finished one (the one its caller waits on answers): NOTIFY in the same transaction, delivered at the commit.
        _notify = context.Provider == StorageProviders.Postgres ? context.Prepare("SELECT pg_notify(@channel, @payload)", "@channel", "@payload") : null;
    }

    /// <summary>
    /// Stores the command unless its idempotency key already names a command that did not fail; that command is the
    /// result instead (Created false). A key whose command failed, timed out or was cancelled moves to the new command.
    /// </summary>
    public void Apply(CommandInsert op, WriteBatch batch)
    {
        var command = op.Command;
        if (command.IdempotencyKey is { } key)
        {
            _find.Set(0, key);
            var existing = CommandStore.Read(_find);
            if (existing.Count > 0 && !CommandStates.ReleasesKey(existing[0].State))
            {
                batch.Completed(op, (existing[0], false));
                return;
            }
            if (existing.Count > 0)
            {
                _release.Run(existing[0].CommandId);
            }
        }
        _insert.Run(command.CommandId, command.Type, command.NodeId, command.SessionId, command.Project,
            command.Args.GetRawText(), command.State, command.Error, SqliteTime.Format(command.CreatedAt), command.Actor, command.IdempotencyKey,
            command.IdempotencyKey is null ? 0 : 1, command.ParentCommandId, op.SourceAddress, command.CorrelationId);
        _notify?.Run(Cluster.ClusterNotifications.CommandStoredChannel, Cluster.ClusterNotifications.CommandPayload(_supervisorId, command.NodeId, command.CommandId));
        batch.Completed(op, (command, true));
    }

    public void Apply(CommandUpdate op, WriteBatch batch)
    {
        var command = op.Command;
        _update.Run(command.CommandId, command.State,
            command.Result is { ValueKind: not JsonValueKind.Undefined } result ? result.GetRawText() : null,
            command.Error, command.ErrorCode, SqliteTime.Format(command.UpdatedAt), command.Attempts,
            SqliteTime.Format(command.Deadline), SqliteTime.Format(command.FinishedAt), command.SessionId);
        if (CommandStates.IsTerminal(command.State))
        {
            _notify?.Run(Cluster.ClusterNotifications.CommandFinishedChannel, Cluster.ClusterNotifications.CommandPayload(_supervisorId, command.NodeId, command.CommandId));
        }
        batch.Completed(op);
        // Counted once, when the outcome is committed; a late result that changes a timed-out command's state is not
        // counted again, so the total still equals the finished rows.
        if (CommandStates.IsTerminal(command.State) && !op.Refinished)
        {
            var duration = (command.FinishedAt ?? command.UpdatedAt) - command.CreatedAt;
            batch.AfterCommit(() => _metrics.CommandFinished(command.Type, command.State, duration));
        }
    }
}
