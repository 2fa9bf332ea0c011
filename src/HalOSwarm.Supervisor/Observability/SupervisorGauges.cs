using System.Diagnostics.Metrics;
using HalOSwarm.Supervisor.Nodes;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;
using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Observability;

/// <summary>
/// Gauges read when <c>/metrics</c> is scraped: nodes online, sessions by status, the writer's queues, each node's
/// unacknowledged outbox, the database's size on disk.
/// </summary>
internal sealed class SupervisorGauges
{
    private readonly IDatabase _database;

    public SupervisorGauges(SupervisorMetrics metrics, AgentRegistry registry, IStorageWriter writer, IDatabase database)
    {
        _database = database;
        var meter = metrics.Meter;
        meter.CreateObservableGauge("hal_o_swarm_nodes_online", () => registry.Connections.Count(c => c.IsWelcomed), null,
            "Nodes whose agent is connected and welcomed");
        meter.CreateObservableGauge("hal_o_swarm_sessions_active", SessionsByStatus, null, "Sessions not ended (completed or killed), by status");
        meter.CreateObservableGauge("hal_o_swarm_writer_queue_depth", () => Lanes(writer), null, "Write ops waiting for the storage writer, by lane");
        meter.CreateObservableGauge("hal_o_swarm_node_outbox_unacked", () => registry.Connections
            .Where(c => c.IsWelcomed && c.NodeId is not null)
            .Select(c => new Measurement<long>(Math.Max(0, c.AgentLastSeq - c.AckedSeq), new KeyValuePair<string, object?>("node_id", c.NodeId))),
            null, "Events each connected node holds that the supervisor has not acknowledged (from the seqs its agent reported)");
        meter.CreateObservableGauge("hal_o_swarm_database_size_bytes", () => _database.SizeBytes(), "By",
            "Size of the database: the SQLite file and its WAL on disk, or the PostgreSQL database");
    }

    private static IEnumerable<Measurement<long>> Lanes(IStorageWriter writer) =>
    [
        new(writer.Pending(WriteLane.Priority), new KeyValuePair<string, object?>("lane", "priority")),
        new(writer.Pending(WriteLane.Bulk), new KeyValuePair<string, object?>("lane", "bulk")),
    ];

    private IEnumerable<Measurement<long>> SessionsByStatus()
    {
        using var connection = _database.OpenConnectionAsync(CancellationToken.None).GetAwaiter().GetResult();
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT status, count(*) FROM sessions WHERE status NOT IN ('completed', 'killed') GROUP BY status";
        using var reader = query.ExecuteReader();
        var rows = new List<Measurement<long>>();
        while (reader.Read())
        {
            rows.Add(new Measurement<long>(reader.GetInt64(1), new KeyValuePair<string, object?>("status", reader.GetString(0))));
        }
        return rows;
    }
}
