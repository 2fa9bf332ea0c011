using System.Text.Json;
using HalOSwarm.Integration.Tests.Harness;
using HalOSwarm.Testing;
using HalOSwarm.Testing.FakeLlm;

namespace HalOSwarm.Integration.Tests.Cost;

/// <summary>A budget of the built supervisor killing a real opencode session through the built agent.</summary>
public sealed class BudgetKillTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task KillBudget_ProjectOverItsTokens_RealSessionKilledOtherProjectsSessionLeftRunning()
    {
        using var otherDir = new TempDirectory("hal-budget-other");
        await using var cluster = await HalCluster.StartAsync(new ClusterOptions
        {
            ExtraProjectsJson = [JsonSerializer.Serialize(new { name = "other", directory = otherDir.Path })],
            SupervisorSections = new Dictionary<string, string>
            {
                ["cost"] = $$"""{"budgets":[{"name":"demo-tokens","scope":"project:{{HalCluster.ProjectName}}","limit_tokens":1,"action":"kill"}]}""",
            },
        });
        cluster.Llm.Enqueue(FakeReply.Text("other answer"), FakeReply.Text("demo answer"));

        var other = await StartAsync(cluster, "other");
        await cluster.WaitForSessionAsync(other, s => s.Str("status") == "idle", s_wait, "the other project's session to finish its turn");
        var demo = await StartAsync(cluster, HalCluster.ProjectName);
        var killed = await cluster.WaitForSessionAsync(demo, s => s.Str("status") == "killed", s_wait, "the budget to kill the demo session");

        var acted = Assert.Single(await cluster.GetEventsAsync($"session_id={demo}&type=cost.budget"));
        Assert.Equal(("demo-tokens", "kill"), (acted.Data().Str("budget"), acted.Data().Str("decision")));
        Assert.Contains($"budget 'demo-tokens' (project:{HalCluster.ProjectName}) reached:", acted.Data().Str("reason"), StringComparison.Ordinal);
        var audit = await cluster.GetDataAsync("api/v1/audit?actor=policy:budget/demo-tokens&action=command.kill");
        Assert.Equal(demo, Assert.Single(audit.EnumerateArray()).Str("target"));
        Assert.Equal("idle", (await cluster.GetDataAsync($"api/v1/sessions/{other}")).Str("status"));
        Assert.Empty((await cluster.GetDataAsync($"api/v1/commands?session_id={other}&type=kill")).EnumerateArray());
        Assert.Empty(await cluster.GetEventsAsync($"session_id={other}&type=cost.budget"));
        Assert.NotNull(killed.Str("ended_at"));
    }

    private static async Task<string> StartAsync(HalCluster cluster, string project)
    {
        var start = await cluster.CtlAsync("--format", "json", "sessions", "start", project, "--prompt", "go");
        Assert.True(start.ExitCode == 0, start.ToString());
        return JsonDocument.Parse(start.StdOut).RootElement.GetProperty("result").Str("session_id");
    }
}
