using System.Text.Json;
using HalOSwarm.Protocol;
using HalOSwarm.Protocol.Events;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;

namespace HalOSwarm.Supervisor.Credentials;

/// <summary>
/// The latest <c>credentials.state</c> each node reported per tool, read from the stored events (the agent reports on every
/// apply, on every change its check sees, and once when it starts, so the latest report survives event retention as long
/// as the agent runs). A node speaks only for itself: the event's node is the connection's.
/// </summary>
internal sealed class CredentialStateReader(IDatabase database)
{
    public async Task<IReadOnlyDictionary<(string NodeId, string Tool), CredentialsStateData>> LatestAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        // The second condition lets SQLite use the partial index ix_events_type.
        command.CommandText = "SELECT node_id, data FROM events WHERE type = @type AND type <> 'message.delta' ORDER BY id";
        command.AddParameter("@type", EventTypes.CredentialsState);
        var latest = new Dictionary<(string, string), CredentialsStateData>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            CredentialsStateData? data;
            try
            {
                data = JsonSerializer.Deserialize(reader.GetString(1), ProtocolJsonContext.Default.CredentialsStateData);
            }
            catch (JsonException)
            {
                continue;
            }
            if (data is { Tool: not null, State: not null })
            {
                latest[(reader.GetString(0), data.Tool)] = data;
            }
        }
        return latest;
    }
}
