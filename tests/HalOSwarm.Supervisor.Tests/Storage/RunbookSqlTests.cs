using System.Globalization;
using System.Text.Json;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Tests.Support;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.Tests.Storage;

/// <summary>
/// Every SQL statement of the seed runbook, run as written against the database of a running supervisor
/// (docs/OPERATIONS.md quotes them); the supervisor keeps storing events afterwards.
/// </summary>
public sealed class RunbookSqlTests
{
    private static AgentEvent Usage(long seq, DateTimeOffset at, double costUsd) =>
        new(seq, EventTypes.Usage, "ses_1", at, JsonDocument.Parse(
            $$"""{"message_id":"m{{seq}}","provider":"anthropic","model":"claude-x","tokens":{"input":100,"output":10},"cost_usd":{{costUsd.ToString(CultureInfo.InvariantCulture)}}}""").RootElement.Clone());

    private static AgentEvent Idle(long seq, DateTimeOffset at) => new(seq, EventTypes.SessionIdle, "ses_1", at, JsonDocument.Parse("{}").RootElement.Clone());

    [SqliteOnlyFact("the runbook's queries are written for sqlite3 on the SQLite file")]
    public async Task RunbookStatements_AgainstALiveDatabase_WorkAsWritten()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-rb", [AgentCommands.Session("ses_1")]);
        var now = DateTimeOffset.UtcNow;
        var old = now.AddDays(-40);
        await agent.SendEventsAsync(Idle(1, old), Usage(2, old, 1.5), Usage(3, now, 0.25), Usage(4, now, 0.5), Idle(5, now));
        await agent.WaitForAckAsync(5);
        await using var sqlite = new SqliteConnection($"Data Source={host.DatabasePath};Pooling=False");
        await sqlite.OpenAsync();

        // "Check if data was deleted": the session had activity today.
        Assert.Equal(1L, await ScalarAsync(sqlite, "SELECT COUNT(*) FROM sessions WHERE timestamp > datetime('now', '-1 day');"));
        Assert.Equal(1L, await ScalarAsync(sqlite, "SELECT COUNT(*) FROM sessions;"));
        // Cost Data Discrepancy: one row per UTC day, provider and model (from the cost ledger), newest first.
        var costs = await RowsAsync(sqlite, "SELECT * FROM costs ORDER BY date DESC LIMIT 10;");
        Assert.Equal(2, costs.Count);
        Assert.Equal(now.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), costs[0]["date"]);
        Assert.Equal("anthropic", costs[0]["provider"]);
        Assert.Equal("claude-x", costs[0]["model"]);
        Assert.Equal(0.75, Convert.ToDouble(costs[0]["cost_usd"], CultureInfo.InvariantCulture));
        Assert.Equal(2L, costs[0]["messages"]);
        Assert.Equal(1.5, Convert.ToDouble(costs[1]["cost_usd"], CultureInfo.InvariantCulture));
        // Archive old data: only the events older than 30 days go.
        Assert.Equal(2, await ExecuteAsync(sqlite, "DELETE FROM events WHERE timestamp < datetime('now', '-30 days');"));
        Assert.Equal(0L, await ScalarAsync(sqlite, "SELECT COUNT(*) FROM events WHERE node_id = 'node-rb' AND ts < '" + now.AddDays(-30).ToString("O", CultureInfo.InvariantCulture) + "'"));
        // The costs view reads the cost ledger, which keeps its sums when old events go.
        Assert.Equal(1.5, Convert.ToDouble(await ScalarAsync(sqlite, $"SELECT cost_usd FROM costs WHERE date = '{old.UtcDateTime:yyyy-MM-dd}';"), CultureInfo.InvariantCulture));
        // The indexed form docs/OPERATIONS.md gives for a large database, in batches.
        await agent.SendEventsAsync(Idle(6, now.AddDays(-35)));
        await agent.WaitForAckAsync(6);
        const string Batch = "DELETE FROM events WHERE id IN (SELECT id FROM events WHERE ts < strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-30 days') LIMIT 10000);";
        Assert.Equal(1, await ExecuteAsync(sqlite, Batch));
        Assert.Equal(0, await ExecuteAsync(sqlite, Batch));
        Assert.Equal("ok", await ScalarAsync(sqlite, "PRAGMA integrity_check;"));
        Assert.Equal("wal", await ScalarAsync(sqlite, "PRAGMA journal_mode=WAL;"));
        await ExecuteAsync(sqlite, "ANALYZE;");
        await ExecuteAsync(sqlite, "VACUUM;");

        // The supervisor goes on storing and serving events.
        await agent.SendEventsAsync(Usage(7, now, 1));
        await agent.WaitForAckAsync(7);
        var events = await host.GetDataAsync("/api/v1/events?session_id=ses_1&limit=100");
        Assert.Equal([3L, 4L, 5L, 7L], events.EnumerateArray().Select(e => e.GetProperty("seq").GetInt64()).Order().ToArray());
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private static async Task<int> ExecuteAsync(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<Dictionary<string, object?>>> RowsAsync(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, object?>>();
        while (await reader.ReadAsync())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i)));
        }
        return rows;
    }
}
