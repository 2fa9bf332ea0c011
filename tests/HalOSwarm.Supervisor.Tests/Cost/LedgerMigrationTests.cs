using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Tests.Support;
using HalOSwarm.Testing;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.Tests.Cost;

/// <summary>A database from before the ledger: migration 0011 books the usage events already stored, once.</summary>
public sealed class LedgerMigrationTests
{
    [SqliteOnlyFact("SQLite's migration 0011 upgrades a database from before the ledger; PostgreSQL's schema starts with it")]
    public async Task Migration_UsageStoredBeforeTheLedger_BookedAsTheProjectionBooksIt()
    {
        using var dir = new TempDirectory("hal-ledger-mig");
        string booked;
        await using (var first = await SupervisorHost.StartAsync(reuse: dir))
        {
            await using var agent = await TestAgent.ConnectAsync(first, "node-a");
            await agent.SendEventsAsync(
                Ev.Make(1, EventTypes.SessionCreated, "ses_1", LedgerRows.Created("alpha", "opencode")),
                Ev.Make(2, EventTypes.Usage, "ses_1", LedgerRows.Usage("m1", "anthropic", "claude-x", 1000, 100, 0.0123456789m, 7, 50, 20)),
                Ev.Make(3, EventTypes.Usage, "ses_1", LedgerRows.Usage("m2", "anthropic", "claude-x", 2000, 200, 0.1m)),
                Ev.Make(4, EventTypes.Usage, "ses_1", LedgerRows.Usage("m3", null, null, 10, 1, 0.5m)) with { Ts = Ev.T0.AddHours(3) },
                Ev.Make(5, EventTypes.Usage, "ses_2", LedgerRows.Usage("m4", "openai", "gpt-y", 5, 5, 2m)));
            await agent.WaitForAckAsync(5);
            booked = await RowsAsync(dir);
        }
        // Back to the schema before 0011: no ledger, the old view, the migration not applied.
        await ExecuteAsync(dir, "DROP VIEW costs; DROP TABLE cost_ledger; CREATE VIEW costs AS SELECT 1 AS date; DELETE FROM schema_migrations WHERE version = 11;");

        await using (var second = await SupervisorHost.StartAsync(reuse: dir))
        {
            Assert.Equal(booked, await RowsAsync(dir));
            Assert.Equal(3, booked.Split('\n').Length);
            var cost = await second.GetDataAsync("/api/v1/sessions/ses_1/cost");
            Assert.Equal("0.612345679", cost.GetProperty("totals").GetProperty("cost_usd").GetRawText());
        }
    }

    private static async Task<string> RowsAsync(TempDirectory dir)
    {
        await using var connection = new SqliteConnection($"Data Source={dir.Combine("supervisor.db")};Pooling=False");
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM cost_ledger ORDER BY 1, 2, 3, 4, 5, 6";
        using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }
        return string.Join('\n', rows);
    }

    private static async Task ExecuteAsync(TempDirectory dir, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={dir.Combine("supervisor.db")};Pooling=False");
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
