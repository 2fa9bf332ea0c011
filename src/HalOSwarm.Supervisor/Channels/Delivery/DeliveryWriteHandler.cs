using System.Data.Common;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;
using HalOSwarm.Supervisor.Storage.Writing;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.Channels.Delivery;

/// <summary>Records each attempt's outcome on its <c>channel_deliveries</c> row, in the writer's priority lane.</summary>
internal sealed class DeliveryWriteHandler(IWriteContext context) : IWriteHandler<DeliveryOutcome>
{
    // Only a pending row changes: a delivery is recorded delivered or failed once.
    private readonly DbCommand _outcome = context.Prepare("""
        UPDATE channel_deliveries SET state = @state, attempts = @attempts, next_attempt_at = @next, last_error = coalesce(@error, last_error),
            message_ref = coalesce(@ref, message_ref), delivered_at = @delivered
        WHERE id = @id AND state = 'pending'
        """, "@id", "@state", "@attempts", "@next", "@error", "@ref", "@delivered");

    public void Apply(DeliveryOutcome op, WriteBatch batch)
    {
        _outcome.Run(op.Id, op.State, op.Attempts, SqliteTime.Format(op.NextAttemptAt), op.Error, op.MessageRef,
            SqliteTime.Format(op.DeliveredAt));
        batch.Completed(op);
    }
}
