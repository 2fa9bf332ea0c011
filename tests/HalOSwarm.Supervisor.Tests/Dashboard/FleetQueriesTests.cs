using HalOSwarm.Supervisor.Dashboard.Fleet;
using HalOSwarm.Supervisor.Tests.Policies;

namespace HalOSwarm.Supervisor.Tests.Dashboard;

/// <summary>The fleet page's reads on a migrated database: the attention order, paging across it, and the index it walks.</summary>
public sealed class FleetQueriesTests
{
    [Fact]
    public async Task Sessions_MixedStates_NeedsAttentionFirstThenNewestActivity()
    {
        using var db = await TestDatabase.CreateAsync();
        await SeedAsync(db, """
            INSERT INTO nodes (node_id, hostname, status, first_seen_at) VALUES ('n1', 'h1', 'online', '2026-01-01T00:00:00.000Z'),
                                                                                ('n2', 'h2', 'offline', '2026-01-01T00:00:00.000Z');
            INSERT INTO sessions (session_id, node_id, project, runtime, status, activity_state, started_at, last_activity_at) VALUES
                ('done',     'n1', 'p', 'opencode', 'completed', 'complete',          '2026-01-01T00:00:00.000Z', '2026-01-01T00:09:00.000Z'),
                ('idle',     'n1', 'p', 'opencode', 'idle',      'idle',              '2026-01-01T00:00:00.000Z', '2026-01-01T00:08:00.000Z'),
                ('busy',     'n1', 'p', 'opencode', 'running',   'working',           '2026-01-01T00:00:00.000Z', '2026-01-01T00:07:00.000Z'),
                ('offline',  'n2', 'q', 'codex',    'unreachable', 'working',         '2026-01-01T00:00:00.000Z', '2026-01-01T00:06:00.000Z'),
                ('failed',   'n1', 'p', 'opencode', 'error',     'error',             '2026-01-01T00:00:00.000Z', '2026-01-01T00:05:00.000Z'),
                ('input',    'n1', 'p', 'opencode', 'idle',      'waiting_for_input', '2026-01-01T00:00:00.000Z', '2026-01-01T00:04:00.000Z'),
                ('approval', 'n1', 'p', 'opencode', 'running',   'working',           '2026-01-01T00:00:00.000Z', '2026-01-01T00:01:00.000Z');
            INSERT INTO approvals (approval_id, node_id, session_id, permission_id, permission, patterns, reason, asked_at, event_id, state)
            VALUES ('a1', 'n1', 'approval', 'p1', 'bash', '[]', 'r', '2026-01-01T00:01:00.000Z', 1, 'pending');
            """);
        var queries = new FleetQueries(db.Database);

        var all = await queries.SessionsAsync(FleetFilter.None, 0, 50, CancellationToken.None);
        Assert.Equal(["approval", "input", "failed", "offline", "busy", "idle", "done"], all.Rows.Select(r => r.SessionId));
        Assert.Equal(7, all.Total);
        Assert.Equal(["approval pending", "waiting for input", "error", "node offline", null, null, null], all.Rows.Select(FleetOrder.Reason));

        var second = await queries.SessionsAsync(FleetFilter.None, 1, 2, CancellationToken.None);
        Assert.Equal(["input", "failed"], second.Rows.Select(r => r.SessionId));
        var filtered = await queries.SessionsAsync(new FleetFilter(Runtime: "codex"), 0, 50, CancellationToken.None);
        Assert.Equal(["offline"], filtered.Rows.Select(r => r.SessionId));
        var text = await queries.SessionsAsync(new FleetFilter(Text: "APPRO"), 0, 50, CancellationToken.None);
        Assert.Equal(["approval"], text.Rows.Select(r => r.SessionId));

        var summary = await queries.SummaryAsync(CancellationToken.None);
        Assert.Equal((1, 1, 4), (summary.NodesOnline, summary.NodesOffline, summary.Attention));
        Assert.Equal(2, summary.SessionsByStatus["running"]);
    }

    [Fact]
    public async Task SessionsPage_Plan_WalksTheFleetIndexWithoutSorting()
    {
        using var db = await TestDatabase.CreateAsync();
        await using var connection = await db.Database.OpenAsync(CancellationToken.None);
        using var command = connection.CreateCommand();
        command.CommandText = $"EXPLAIN QUERY PLAN SELECT session_id FROM sessions WHERE session_id NOT IN ({FleetOrder.PendingSessionsSql}) ORDER BY {FleetOrder.OrderSql} LIMIT 50";
        var plan = new List<string>();
        using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(3));
        }
        Assert.Contains(plan, line => line.Contains("ix_sessions_fleet", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, line => line.Contains("TEMP B-TREE FOR ORDER BY", StringComparison.Ordinal));
    }

    private static async Task SeedAsync(TestDatabase db, string sql)
    {
        await using var connection = await db.Database.OpenAsync(CancellationToken.None);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
