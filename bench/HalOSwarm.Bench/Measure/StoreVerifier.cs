using HalOSwarm.Bench.Load;
using HalOSwarm.Bench.Target;

namespace HalOSwarm.Bench.Measure;

/// <summary>
/// Reads the supervisor's store (its SQLite file read-only, WAL lets it run beside the writer; or its PostgreSQL
/// database) and checks that every
/// event each simulated agent created is stored exactly once: rows = distinct seqs = created, seqs 1..created.
/// </summary>
internal static class StoreVerifier
{
    public static async Task<Dictionary<string, NodeStoreCount>> CountAsync(BenchStore store, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT node_id, COUNT(*), COUNT(DISTINCT seq), MIN(seq), MAX(seq) FROM events WHERE seq IS NOT NULL GROUP BY node_id";
        command.CommandTimeout = 600;
        var counts = new Dictionary<string, NodeStoreCount>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new NodeStoreCount(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
            counts[row.NodeId] = row;
        }
        return counts;
    }

    /// <summary>Every problem found, one line each; empty when all agents' events are stored exactly once.</summary>
    public static List<string> Check(IReadOnlyDictionary<string, NodeStoreCount> stored, IEnumerable<SimAgent> agents)
    {
        var problems = new List<string>();
        foreach (var agent in agents)
        {
            var created = agent.Created;
            if (!stored.TryGetValue(agent.Identity.NodeId, out var row))
            {
                if (created > 0)
                {
                    problems.Add($"{agent.Identity.NodeId}: created {created}, stored none");
                }
                continue;
            }
            if (row.Rows != row.DistinctSeqs)
            {
                problems.Add($"{row.NodeId}: {row.Rows - row.DistinctSeqs} duplicated rows");
            }
            if (row.Rows != created || row.MinSeq != 1 || row.MaxSeq != created)
            {
                problems.Add($"{row.NodeId}: created seqs 1..{created}, stored {row.Rows} rows (seq {row.MinSeq}..{row.MaxSeq})");
            }
        }
        return problems;
    }
}
