using System.Globalization;
using System.Text.Json;
using HalOSwarm.Integration.Tests.Harness;
using HalOSwarm.Testing;
using HalOSwarm.Testing.FakeLlm;
using HalOSwarm.Testing.Tools;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Integration.Tests.Cost;

/// <summary>
/// Issue 11's acceptance for the ledger: real sessions on two nodes (opencode on both, Claude Code on one) against the
/// fake LLMs; the ledger's per-session, per-project and per-node totals equal the sum of the costs the programs
/// reported in their usage events, and an agent killed mid-turn and restarted (its outbox replayed) books nothing twice.
/// </summary>
public sealed class CostLedgerAcceptanceTests
{
    private const string ClaudeProject = "cc";
    private const string SecondProject = "beta";
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(90);

    // 40 pieces 80 ms apart: about three seconds of streaming to kill the agent in.
    private static readonly string s_longReply = string.Join(' ', Enumerable.Range(1, 40).Select(i => $"word{i:00}"));

    [Fact]
    public async Task TwoNodesOpenCodeAndClaudeCode_LedgerTotalsEqualReportedCostsAndReplayBooksNothingTwice()
    {
        var claude = await NpmTool.ClaudeCode.EnsureInstalledAsync();
        using var ccDir = new TempDirectory("hal-ledger-cc");
        await using var anthropic = await FakeAnthropicServer.StartAsync();
        await using var cluster = await HalCluster.StartAsync(new ClusterOptions
        {
            ExtraProjectsJson = [JsonSerializer.Serialize(new { name = ClaudeProject, directory = ccDir.Combine(ClaudeProject), runtime = "claude-code" })],
            AgentRuntimesJson = JsonSerializer.Serialize(new Dictionary<string, object> { ["claude-code"] = new { binary = claude, model = "claude-sonnet-4-5" } }),
            AgentEnvironment = new Dictionary<string, string>
            {
                ["ANTHROPIC_BASE_URL"] = anthropic.BaseUrl.ToString().TrimEnd('/'),
                ["ANTHROPIC_API_KEY"] = "k",
                ["DISABLE_TELEMETRY"] = "1",
                ["CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC"] = "1",
                ["CLAUDE_CONFIG_DIR"] = ccDir.Combine("claude-config"),
            },
            // Claude Code through a subscription login: its usage is marked as booked at the equivalent API price.
            SupervisorSections = new Dictionary<string, string>
            {
                ["cost"] = """{"time_zone":"Europe/Berlin","accounts":[{"name":"claude-max","kind":"subscription","runtime":"claude-code"}]}""",
            },
        });
        try
        {
            await using var second = await SecondAgent.StartAsync(cluster, SecondProject);
            var nodeA = cluster.NodeId;

            // Two turns on each opencode session, one on Claude Code's.
            var demo = await StartAsync(cluster, HalCluster.ProjectName, "What is the answer?");
            var beta = await StartAsync(cluster, SecondProject, "What is the question?");
            var cc = await StartAsync(cluster, ClaudeProject, "Say hello.");
            await WaitForUsageAsync(cluster, demo, 1);
            await WaitForUsageAsync(cluster, beta, 1);
            await WaitForUsageAsync(cluster, cc, 1);
            await PromptAsync(cluster, demo, "Are you sure?");
            await PromptAsync(cluster, beta, "Really?");
            await WaitForUsageAsync(cluster, demo, 2);
            await WaitForUsageAsync(cluster, beta, 2);
            await AssertLedgerEqualsReportedAsync(cluster, [demo, beta, cc], second.NodeId);
            var untouched = await LedgerOfAsync(cluster, [beta, cc]);

            // Node A's agent killed while a reply streams, then restarted: it resends what was not acknowledged and
            // recovers the rest of the turn from opencode; the supervisor stores each event once, so the ledger books
            // each usage once.
            cluster.Llm.Enqueue(FakeReply.Text(s_longReply, chunks: 40, delay: TimeSpan.FromMilliseconds(80)));
            await PromptAsync(cluster, demo, "Count slowly.");
            await cluster.WaitAsync(async () => (await cluster.GetEventsAsync($"session_id={demo}&type=message.delta")).Count >= 6, s_wait, "the stream under way");
            await cluster.Agent!.KillHardAsync();
            await cluster.StartAgentAsync();
            await WaitForUsageAsync(cluster, demo, 3);
            await cluster.WaitForSessionAsync(demo, s => s.Str("status") == "idle", s_wait, "the third turn over");
            await cluster.AssertExactlyOnceAsync();

            await AssertLedgerEqualsReportedAsync(cluster, [demo, beta, cc], second.NodeId);
            Assert.Equal(untouched, await LedgerOfAsync(cluster, [beta, cc]));
            var nodes = await LedgerByAsync(cluster, "node_id");
            Assert.Equal(new[] { nodeA, second.NodeId }.Order(StringComparer.Ordinal), nodes.Keys.Order(StringComparer.Ordinal));
        }
        finally
        {
            StopClaude(cluster);
        }
    }

    /// <summary>SIGKILLs the claude processes the agent started (their pids are in its session folders; they run detached).</summary>
    private static void StopClaude(HalCluster cluster)
    {
        var folder = Path.Combine(cluster.AgentStateDir, "runtimes", "claude-code");
        if (!Directory.Exists(folder))
        {
            return;
        }
        foreach (var pidFile in Directory.EnumerateFiles(folder, "pid", SearchOption.AllDirectories))
        {
            if (int.TryParse(File.ReadAllText(pidFile).Split(' ')[0], CultureInfo.InvariantCulture, out var pid) && File.Exists($"/proc/{pid}/cmdline")
                && File.ReadAllText($"/proc/{pid}/cmdline").Contains("claude", StringComparison.Ordinal))
            {
                try
                {
                    System.Diagnostics.Process.GetProcessById(pid).Kill();
                }
                catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
                {
                    // already gone
                }
            }
        }
    }

    private static async Task<string> StartAsync(HalCluster cluster, string project, string prompt)
    {
        var start = await cluster.CtlAsync("--format", "json", "sessions", "start", project, "--prompt", prompt);
        Assert.True(start.ExitCode == 0, start.ToString());
        return JsonDocument.Parse(start.StdOut).RootElement.GetProperty("result").Str("session_id");
    }

    private static async Task PromptAsync(HalCluster cluster, string sessionId, string text)
    {
        await cluster.WaitForSessionAsync(sessionId, s => s.Str("status") == "idle", s_wait, $"{sessionId} idle before the next prompt");
        var prompt = await cluster.CtlAsync("--format", "json", "sessions", "prompt", sessionId, text);
        Assert.True(prompt.ExitCode == 0, prompt.ToString());
    }

    private static Task WaitForUsageAsync(HalCluster cluster, string sessionId, int count) =>
        cluster.WaitAsync(async () => (await cluster.GetEventsAsync($"session_id={sessionId}&type=usage")).Count >= count, s_wait, $"{count} usage events of {sessionId}");

    /// <summary>
    /// The usage events as stored (through the API), summed per session, project and node, against the ledger through
    /// <c>/sessions/{id}/cost</c> and its table. The ledger keeps nano-dollars: each event's cost rounded to 9 decimals.
    /// </summary>
    private static async Task AssertLedgerEqualsReportedAsync(HalCluster cluster, string[] sessions, string secondNode)
    {
        var reported = new List<(string Session, string Project, string Node, string MessageId, decimal Cost)>();
        foreach (var sessionId in sessions)
        {
            var session = await cluster.GetDataAsync($"api/v1/sessions/{sessionId}");
            var usage = await cluster.GetEventsAsync($"session_id={sessionId}&type=usage");
            reported.AddRange(usage.Select(e => (sessionId, session.Str("project"), e.Str("node_id"), e.Data().Str("message_id"),
                decimal.Round(e.Data().GetProperty("cost_usd").GetDecimal(), 9))));
            // each message once in the event log (the agent's once-keys), whatever was resent
            Assert.Equal(usage.Count, usage.Select(e => e.Data().Str("message_id")).Distinct().Count());

            var cost = await cluster.GetDataAsync($"api/v1/sessions/{sessionId}/cost");
            var totals = cost.GetProperty("totals");
            Assert.Equal(usage.Count, totals.Long("messages"));
            // pay-per-token and a subscription's equivalent are kept apart; together they are what the program reported
            Assert.Equal(reported.Where(r => r.Session == sessionId).Sum(r => r.Cost),
                totals.GetProperty("cost_usd").GetDecimal() + totals.GetProperty("equivalent_usd").GetDecimal());
        }
        Assert.All(reported, r => Assert.True(r.Cost > 0, $"{r.Session}: a usage event without a reported cost"));
        // Claude Code's usage: booked to the subscription account, marked equivalent
        var ccCost = await cluster.GetDataAsync($"api/v1/sessions/{sessions[2]}/cost");
        Assert.All(ccCost.GetProperty("by_model").EnumerateArray(), m => Assert.Equal(("claude-max", true), (m.Str("account"), m.GetProperty("equivalent").GetBoolean())));
        Assert.Equal(0m, ccCost.GetProperty("totals").GetProperty("cost_usd").GetDecimal());
        Assert.Equal(reported.Where(r => r.Session == sessions[2]).Sum(r => r.Cost), ccCost.GetProperty("totals").GetProperty("equivalent_usd").GetDecimal());

        var byProject = await LedgerByAsync(cluster, "project");
        Assert.Equal(reported.GroupBy(r => r.Project).ToDictionary(g => g.Key, g => g.Sum(r => r.Cost)).OrderBy(p => p.Key, StringComparer.Ordinal),
            byProject.OrderBy(p => p.Key, StringComparer.Ordinal));
        var byNode = await LedgerByAsync(cluster, "node_id");
        Assert.Equal(reported.GroupBy(r => r.Node).ToDictionary(g => g.Key, g => g.Sum(r => r.Cost)).OrderBy(p => p.Key, StringComparer.Ordinal),
            byNode.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(reported.Where(r => r.Project == SecondProject).Sum(r => r.Cost), byNode[secondNode]);
        // the operators' view: per UTC day, provider and model, rounded to 6 decimals
        var view = await ScalarAsync(cluster, "SELECT sum(cost_usd) FROM costs");
        Assert.Equal((double)reported.Sum(r => r.Cost), Convert.ToDouble(view, CultureInfo.InvariantCulture), 5);
    }

    /// <summary>USD booked per value of <paramref name="column"/> in the ledger table.</summary>
    private static async Task<Dictionary<string, decimal>> LedgerByAsync(HalCluster cluster, string column)
    {
        await using var connection = new SqliteConnection($"Data Source={cluster.SupervisorDb};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {column}, sum(cost_nanos) FROM cost_ledger GROUP BY 1";
        using var reader = await command.ExecuteReaderAsync();
        var sums = new Dictionary<string, decimal>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            sums[reader.GetString(0)] = reader.GetInt64(1) / 1_000_000_000m;
        }
        return sums;
    }

    /// <summary>Every ledger row of the sessions, as text, to compare before and after.</summary>
    private static async Task<string> LedgerOfAsync(HalCluster cluster, string[] sessions)
    {
        await using var connection = new SqliteConnection($"Data Source={cluster.SupervisorDb};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM cost_ledger WHERE session_id IN ({string.Join(',', sessions.Select((_, i) => "$s" + i))}) ORDER BY 1, 2, 3, 4, 5, 6";
        for (var i = 0; i < sessions.Length; i++)
        {
            command.Parameters.AddWithValue("$s" + i, sessions[i]);
        }
        using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        }
        return string.Join('\n', rows);
    }

    private static async Task<object?> ScalarAsync(HalCluster cluster, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={cluster.SupervisorDb};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
