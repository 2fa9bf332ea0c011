using System.Globalization;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;
using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Channels.State;

/// <summary>
/// What a platform keeps across restarts in <c>channel_state</c> (Telegram's update offset, Discord's session threads):
/// read on its own connection, written through the storage writer. Keys start with the platform's name.
/// </summary>
internal sealed class ChannelStateStore(IDatabase database, IStorageWriter writer, TimeProvider timeProvider)
{
    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM channel_state WHERE key = @key";
        command.AddParameter("@key", key);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public Task SetAsync(string key, string value, CancellationToken cancellationToken) =>
        writer.WriteAsync(new ChannelStateWrite(key, value, timeProvider.GetUtcNow(), ForwardOnly: false), cancellationToken);

    /// <summary>Stores <paramref name="value"/> unless the stored number is already larger: it never goes back.</summary>
    public Task AdvanceAsync(string key, long value, CancellationToken cancellationToken) =>
        writer.WriteAsync(new ChannelStateWrite(key, value.ToString(CultureInfo.InvariantCulture), timeProvider.GetUtcNow(), ForwardOnly: true),
            cancellationToken);
}
