using HalOSwarm.Supervisor.Storage.Sqlite;
using HalOSwarm.Supervisor.Storage.Writing;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.Channels.Discord;

/// <summary>Upserts Discord's <c>channel_state</c> rows, in the storage writer.</summary>
internal sealed class DiscordStateWriteHandler(SqliteWriteContext context) : IWriteHandler<DiscordStateWrite>
{
    private readonly SqliteCommand _upsert = context.Prepare("""
        INSERT INTO channel_state (key, value, updated_at) VALUES ($key, $value, $at)
        ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
        """, "$key", "$value", "$at");

    public void Apply(DiscordStateWrite op, WriteBatch batch)
    {
        SqliteWriteContext.Run(_upsert, op.Key, op.Value, SqliteTime.Format(op.At));
        batch.Completed(op);
    }
}
