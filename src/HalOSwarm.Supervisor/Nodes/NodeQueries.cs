using System.Data.Common;
using System.Text.Json;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Sessions;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.Nodes;

/// <summary>Reads of the nodes table, each on its own connection.</summary>
internal sealed class NodeQueries(IDatabase database)
{
    private const string Select = """
        SELECT n.node_id, n.hostname, n.status, n.agent_version, n.projects_json, n.runtimes_json, n.resources_json,
               n.first_seen_at, n.connected_at, n.last_heartbeat_at, n.durable_seq,
               (SELECT count(*) FROM sessions s WHERE s.node_id = n.node_id) AS session_count,
               n.rejected_events, n.last_rejection, n.last_rejection_at, n.runtime_details_json, n.supervisor_id
        FROM nodes n
        """;

    public async Task<IReadOnlyList<NodeDto>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = Select + " ORDER BY n.node_id";
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<NodeDto?> GetAsync(string nodeId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = Select + " WHERE n.node_id = @node";
        command.AddParameter("@node", nodeId);
        var nodes = await ReadAsync(command, cancellationToken);
        return nodes.Count == 0 ? null : nodes[0];
    }

    /// <summary>Active (not ended, not unreachable) sessions per node, for placing new sessions.</summary>
    public async Task<Dictionary<string, long>> ActiveSessionCountsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT node_id, count(*) FROM sessions WHERE status NOT IN {SessionSql.Terminal} AND status <> 'unreachable' GROUP BY node_id";
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }
        return counts;
    }

    private static async Task<IReadOnlyList<NodeDto>> ReadAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var nodes = new List<NodeDto>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            nodes.Add(new NodeDto(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                JsonSerializer.Deserialize(reader.GetString(4), ProtocolJsonContext.Default.IReadOnlyListProjectInfo) ?? [],
                JsonSerializer.Deserialize(reader.GetString(5), ProtocolJsonContext.Default.IReadOnlyListString) ?? [],
                reader.IsDBNull(6) ? null : JsonSerializer.Deserialize(reader.GetString(6), ProtocolJsonContext.Default.ResourceUsage),
                SqliteTime.Parse(reader.GetString(7)),
                reader.IsDBNull(8) ? null : SqliteTime.Parse(reader.GetString(8)),
                reader.IsDBNull(9) ? null : SqliteTime.Parse(reader.GetString(9)),
                reader.GetInt64(10),
                reader.GetInt64(11),
                reader.GetInt64(12),
                reader.IsDBNull(13) ? null : reader.GetString(13),
                reader.IsDBNull(14) ? null : SqliteTime.Parse(reader.GetString(14)))
            {
                RuntimeDetails = JsonSerializer.Deserialize(reader.GetString(15), ProtocolJsonContext.Default.IReadOnlyListRuntimeInfo) ?? [],
                SupervisorId = reader.IsDBNull(16) ? null : reader.GetString(16),
            });
        }
        return nodes;
    }
}
