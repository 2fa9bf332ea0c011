using System.Globalization;
using HalOSwarm.Supervisor.Storage.Sqlite;
using HalOSwarm.Supervisor.Storage.Writing;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.Channels.Telegram;

/// <summary>Telegram's rows of <c>channel_state</c>, in the storage writer's priority lane.</summary>
internal sealed class TelegramStateWriteHandler(SqliteWriteContext context) : IWriteHandler<TelegramOffsetSave>
{
    // The offset only moves forward: a late write of an older one (a webhook update handled out of order) changes nothing.
    private readonly SqliteCommand _save = context.Prepare("""
        INSERT INTO channel_state (key, value, updated_at) VALUES ($key, $value, $at)
        ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
        WHERE CAST(excluded.value AS INTEGER) > CAST(channel_state.value AS INTEGER)
        """, "$key", "$value", "$at");

    public void Apply(TelegramOffsetSave op, WriteBatch batch)
    {
        SqliteWriteContext.Run(_save, TelegramOffsetStore.Key, op.Offset.ToString(CultureInfo.InvariantCulture), SqliteTime.Format(op.At));
        batch.Completed(op);
    }
}
