

namespace HalOSwarm.Supervisor.Tests.Support;

/// <summary>
/// What a refused request must not change: the row count of every table, and the rows a test names (as text), read
/// from the supervisor's database on a connection of their own.
/// </summary>
internal sealed record DbSnapshot(IReadOnlyDictionary<string, long> Counts, IReadOnlyDictionary<string, string> Rows)
{
    private static readonly string[] s_tables = ["nodes", "node_projects", "sessions", "events", "commands", "audit_log", "approvals", "api_tokens"];

    /// <param name="rows">Name → a query whose rows are compared (each row's columns joined by '|').</param>
    public static async Task<DbSnapshot> TakeAsync(SupervisorHost host, IReadOnlyDictionary<string, string>? rows = null)
    {
        // Let the writer finish what it queued for the request before: a refusal is judged on a settled database.
        await Task.Delay(300);
        await using var connection = await host.OpenDatabaseAsync();
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in s_tables)
        {
            using var count = connection.CreateCommand();
            count.CommandText = $"SELECT count(*) FROM {table}";
            counts[table] = Convert.ToInt64(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, sql) in rows ?? new Dictionary<string, string>())
        {
            using var query = connection.CreateCommand();
            query.CommandText = sql;
            using var reader = await query.ExecuteReaderAsync();
            var lines = new List<string>();
            while (await reader.ReadAsync())
            {
                lines.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : reader.GetValue(i).ToString())));
            }
            texts[name] = string.Join("\n", lines);
        }
        return new DbSnapshot(counts, texts);
    }

    /// <summary>Fails naming the first table or row that differs from <paramref name="before"/>, except those in <paramref name="except"/>.</summary>
    public void AssertSameAs(DbSnapshot before, params string[] except)
    {
        foreach (var (table, count) in before.Counts)
        {
            if (!except.Contains(table))
            {
                Assert.True(count == Counts[table], $"{table}: {count} rows before, {Counts[table]} after");
            }
        }
        foreach (var (name, text) in before.Rows)
        {
            Assert.True(text == Rows[name], $"{name} changed:\nbefore: {text}\nafter:  {Rows[name]}");
        }
    }
}
