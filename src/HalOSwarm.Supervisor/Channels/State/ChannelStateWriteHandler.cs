using System.Data.Common;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;
using HalOSwarm.Supervisor.Storage.Writing;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.Channels.State;

/// <summary>Upserts <c>channel_state</c> rows, in the storage writer.</summary>
internal sealed class ChannelStateWriteHandler(IWriteContext context) : IWriteHandler<ChannelStateWrite>
{
    private const string Upsert = """
        INSERT INTO channel_state (key, value, updated_at) VALUES (@key, @value, @at)
        ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
        """;

    private readonly DbCommand _set = context.Prepare(Upsert, "@key", "@value", "@at");

    private readonly DbCommand _forward = context.Prepare(
        Upsert + "\nWHERE CAST(excluded.value AS BIGINT) > CAST(channel_state.value AS BIGINT)", "@key", "@value", "@at");

    public void Apply(ChannelStateWrite op, WriteBatch batch)
    {
        (op.ForwardOnly ? _forward : _set).Run(op.Key, op.Value, SqliteTime.Format(op.At));
        batch.Completed(op);
    }
}
