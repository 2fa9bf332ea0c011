using System.Data.Common;
using System.Text.Json;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;
using HalOSwarm.Supervisor.Storage.Writing;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.Audit;

/// <summary>The audit_log table's writes, in the storage writer's priority lane; arguments are stored with secrets redacted.</summary>
internal sealed class AuditWriteHandler : IWriteHandler<AuditInsert>, IWriteHandler<AuditComplete>
{
    private readonly DbCommand _insert;
    private readonly DbCommand _complete;

    public AuditWriteHandler(IWriteContext context)
    {
        _insert = context.Prepare("""
            INSERT INTO audit_log (at, actor, action, target, args, result, error, duration_ms, source_address, command_id)
            VALUES (@at, @actor, @action, @target, @args, @result, @error, @duration, @source, @command)
            """, "@at", "@actor", "@action", "@target", "@args", "@result", "@error", "@duration", "@source", "@command");
        _complete = context.Prepare("UPDATE audit_log SET result = @result, error = @error, duration_ms = @duration WHERE command_id = @id",
            "@id", "@result", "@error", "@duration");
    }

    public void Apply(AuditInsert op, WriteBatch batch)
    {
        var entry = op.Entry;
        _insert.Run(SqliteTime.Format(op.At), entry.Actor, entry.Action, entry.Target,
            SecretRedactor.Redact(entry.Args) is { ValueKind: not JsonValueKind.Undefined } args ? args.GetRawText() : null,
            entry.Result, entry.Error, entry.DurationMs, entry.SourceAddress, entry.CommandId);
        batch.Completed(op);
    }

    public void Apply(AuditComplete op, WriteBatch batch)
    {
        var command = op.Command;
        var finished = command.FinishedAt ?? command.UpdatedAt;
        _complete.Run(command.CommandId, command.State, command.Error, (long)(finished - command.CreatedAt).TotalMilliseconds);
        batch.Completed(op);
    }
}
