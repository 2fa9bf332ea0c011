using System.Data.Common;
using HalOSwarm.Supervisor.Sessions;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.Policies;

/// <summary>Reads sessions and spend from the supervisor's database, each call on its own reader connection.</summary>
internal sealed class PolicySessionSource(IDatabase database) : IPolicySessionSource
{
    private const string Select = """
        SELECT session_id, node_id, project, status, cost_usd, compaction_count, context_tokens,
               coalesce(last_activity_at, started_at)
        FROM sessions
        """;

    public async Task<IReadOnlyList<PolicySession>> ListLiveAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = Select + $" WHERE status NOT IN {SessionSql.Terminal}";
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<PolicySession?> GetAsync(string sessionId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = Select + " WHERE session_id = @sid";
        command.AddParameter("@sid", sessionId);
        var rows = await ReadAsync(command, cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<double> CostSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        var cost = database.IsPostgres() ? "CAST(data::jsonb ->> 'cost_usd' AS double precision)" : "json_extract(data, '$.cost_usd')";
        command.CommandText = $"SELECT coalesce(sum({cost}), 0) FROM events WHERE ts >= @since AND type = 'usage'";
        command.AddParameter("@since", SqliteTime.Format(since));
        return Convert.ToDouble(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<List<PolicySession>> ReadAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<PolicySession>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new PolicySession(
                reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3),
                reader.GetDouble(4), reader.GetInt64(5), reader.GetInt64(6), SqliteTime.Parse(reader.GetString(7))));
        }
        return rows;
    }
}
