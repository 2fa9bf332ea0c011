using HalOSwarm.Supervisor.Storage.Sqlite;
using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Channels.Discord;

/// <summary>Reads and writes Discord's rows of <c>channel_state</c>.</summary>
internal sealed class DiscordThreadStore(SqliteDatabase database, IStorageWriter writer, TimeProvider timeProvider)
{
    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM channel_state WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public Task SetAsync(string key, string value, CancellationToken cancellationToken) =>
        writer.WriteAsync(new DiscordStateWrite(key, value, timeProvider.GetUtcNow()), cancellationToken);
}
