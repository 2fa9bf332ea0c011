using System.Data.Common;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;

namespace HalOSwarm.Supervisor.Cost.Ledger;

/// <summary>One session's ledger rows summed per model, provider and account and per UTC day (read on a connection of its own).</summary>
internal sealed class SessionCostQueries(IDatabase database)
{
    private const string Sums = """
        sum(messages), sum(priced_messages), sum(input_tokens), sum(output_tokens), sum(reasoning_tokens),
        sum(cache_read_tokens), sum(cache_write_tokens), sum(CASE WHEN equivalent = 0 THEN cost_nanos ELSE 0 END),
        sum(CASE WHEN equivalent = 1 THEN cost_nanos ELSE 0 END)
        """;

    private const string ByModel = $"""
        SELECT provider, model, account, max(equivalent), {Sums}
        FROM cost_ledger WHERE session_id = @sid
        GROUP BY provider, model, account
        ORDER BY sum(cost_nanos) DESC, provider, model, account
        """;

    private const string ByDay = $"""
        SELECT substr(hour_utc, 1, 10), {Sums}
        FROM cost_ledger WHERE session_id = @sid
        GROUP BY 1 ORDER BY 1
        """;

    /// <summary>Null for a session the supervisor has never seen; zeros for one without usage.</summary>
    public async Task<SessionCostDto?> GetAsync(string sessionId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var transaction = connection.BeginSnapshot(); // one snapshot for the three reads
        using var session = Command(connection, "SELECT node_id, project, runtime FROM sessions WHERE session_id = @sid", sessionId);
        string nodeId;
        string? project, runtime;
        using (var reader = await session.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }
            nodeId = reader.GetString(0);
            project = reader.IsDBNull(1) ? null : reader.GetString(1);
            runtime = reader.IsDBNull(2) ? null : reader.GetString(2);
        }
        var models = new List<SessionCostByModel>();
        using (var byModel = Command(connection, ByModel, sessionId))
        using (var reader = await byModel.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                models.Add(new SessionCostByModel(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3) == 1,
                    reader.GetInt64(4), reader.GetInt64(5), Tokens(reader, 6), LedgerKeys.FromNanos(reader.GetInt64(11)), LedgerKeys.FromNanos(reader.GetInt64(12))));
            }
        }
        var days = new List<SessionCostByDay>();
        using (var byDay = Command(connection, ByDay, sessionId))
        using (var reader = await byDay.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                days.Add(new SessionCostByDay(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), Tokens(reader, 3),
                    LedgerKeys.FromNanos(reader.GetInt64(8)), LedgerKeys.FromNanos(reader.GetInt64(9))));
            }
        }
        var totals = days.Aggregate(SessionCostTotals.Zero, (sum, day) => sum.Add(day.ToTotals()));
        return new SessionCostDto(sessionId, nodeId, project, runtime, totals, models, days);
    }

    private static DbCommand Command(DbConnection connection, string sql, string sessionId)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.AddParameter("@sid", sessionId);
        return command;
    }

    private static TokenCounts Tokens(DbDataReader reader, int first) =>
        new(reader.GetInt64(first), reader.GetInt64(first + 1), reader.GetInt64(first + 2), reader.GetInt64(first + 3), reader.GetInt64(first + 4));
}
