using System.Globalization;
using HalOSwarm.Supervisor.Storage.Sqlite;
using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Channels.Telegram;

/// <summary>
/// The next update id to handle, kept in <c>channel_state</c> across restarts: written after each update is handled, so
/// a restart neither loses an update (it is asked for again) nor handles one twice (older ids are skipped).
/// </summary>
internal sealed class TelegramOffsetStore(SqliteDatabase database, IStorageWriter writer, TimeProvider timeProvider)
{
    public const string Key = "telegram.offset";

    /// <summary>0 when none is stored yet.</summary>
    public async Task<long> GetAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM channel_state WHERE key = $key";
        command.Parameters.AddWithValue("$key", Key);
        var value = await command.ExecuteScalarAsync(cancellationToken) as string;
        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var offset) ? offset : 0;
    }

    public Task SaveAsync(long offset, CancellationToken cancellationToken) =>
        writer.WriteAsync(new TelegramOffsetSave(offset, timeProvider.GetUtcNow()), cancellationToken);
}
