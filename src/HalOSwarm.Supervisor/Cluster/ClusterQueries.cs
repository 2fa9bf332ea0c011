using System.Globalization;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Cluster;

/// <summary>Reads the supervisors sharing the database, and the nodes a dead one left marked online.</summary>
internal sealed class ClusterQueries(IDatabase database, SupervisorIdentity identity, IOptions<ClusterOptions> options, TimeProvider timeProvider)
{
    /// <summary>Every supervisor that ever beat, the living first; a leader only counts while alive.</summary>
    public async Task<IReadOnlyList<SupervisorDto>> ListAsync(CancellationToken cancellationToken)
    {
        var cutoff = Cutoff();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var query = connection.CreateCommand();
        query.CommandText = """
            SELECT s.supervisor_id, s.hostname, s.version, s.started_at, s.heartbeat_at, s.leader,
                   (SELECT count(*) FROM nodes n WHERE n.supervisor_id = s.supervisor_id AND n.status = 'online')
            FROM supervisors s ORDER BY CASE WHEN s.heartbeat_at > @cutoff THEN 0 ELSE 1 END, s.supervisor_id
            """;
        query.AddParameter("@cutoff", cutoff);
        var list = new List<SupervisorDto>();
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var heartbeat = reader.GetString(4);
            var alive = string.CompareOrdinal(heartbeat, cutoff) > 0;
            var id = reader.GetString(0);
            list.Add(new SupervisorDto(id, reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                SqliteTime.Parse(reader.GetString(3)), SqliteTime.Parse(heartbeat), alive,
                alive && Convert.ToInt64(reader.GetValue(5), CultureInfo.InvariantCulture) != 0,
                Convert.ToInt64(reader.GetValue(6), CultureInfo.InvariantCulture), id == identity.Id));
        }
        return list;
    }

    /// <summary>Nodes marked online on a supervisor whose heartbeat is older than the lease (it died holding them).</summary>
    public async Task<IReadOnlyList<(string NodeId, string Hostname, string Holder)>> OrphanedNodesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var query = connection.CreateCommand();
        query.CommandText = """
            SELECT n.node_id, n.hostname, n.supervisor_id FROM nodes n
            WHERE n.status = 'online' AND n.supervisor_id IS NOT NULL AND n.supervisor_id <> @self
              AND NOT EXISTS (SELECT 1 FROM supervisors s WHERE s.supervisor_id = n.supervisor_id AND s.heartbeat_at > @cutoff)
            """;
        query.AddParameter("@self", identity.Id);
        query.AddParameter("@cutoff", Cutoff());
        var nodes = new List<(string, string, string)>();
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            nodes.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }
        return nodes;
    }

    /// <summary>True when the node is online on another supervisor whose heartbeat is within the lease.</summary>
    public async Task<bool> HeldElsewhereAsync(string nodeId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var query = connection.CreateCommand();
        query.CommandText = """
            SELECT count(*) FROM nodes n JOIN supervisors s ON s.supervisor_id = n.supervisor_id
            WHERE n.node_id = @node AND n.status = 'online' AND n.supervisor_id <> @self AND s.heartbeat_at > @cutoff
            """;
        query.AddParameter("@node", nodeId);
        query.AddParameter("@self", identity.Id);
        query.AddParameter("@cutoff", Cutoff());
        return Convert.ToInt64(await query.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0;
    }

    private string Cutoff() => SqliteTime.Format(timeProvider.GetUtcNow() - options.Value.Lease);
}
