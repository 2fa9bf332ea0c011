using System.Text.Json;
using HalOSwarm.Integration.Tests.Harness;
using HalOSwarm.Testing.FakeLlm;

namespace HalOSwarm.Integration.Tests.Cost;

/// <summary>A pause budget of the built supervisor on a real opencode session: a prompt held until an admin lifts it.</summary>
public sealed class BudgetPauseTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task PauseBudget_RealSessionOverItsTokens_PromptHeldThenDeliveredOnLift()
    {
        await using var cluster = await HalCluster.StartAsync(new ClusterOptions
        {
            SupervisorSections = new Dictionary<string, string>
            {
                ["cost"] = $$"""{"budgets":[{"name":"demo-pause","scope":"project:{{HalCluster.ProjectName}}","limit_tokens":1,"action":"pause"}]}""",
            },
        });
        cluster.Llm.Enqueue(FakeReply.Text("first answer"), FakeReply.Text("resumed after the lift"));
        var start = await cluster.CtlAsync("--format", "json", "sessions", "start", HalCluster.ProjectName, "--prompt", "go");
        Assert.True(start.ExitCode == 0, start.ToString());
        var sessionId = JsonDocument.Parse(start.StdOut).RootElement.GetProperty("result").Str("session_id");
        await cluster.WaitForSessionAsync(sessionId, s => s.Str("status") == "idle", s_wait, "the first turn to end");
        await cluster.WaitAsync(async () => (await cluster.GetDataAsync("api/v1/budgets/demo-pause")).Str("state") == "paused", s_wait,
            "the budget to be paused by the turn's tokens");

        var held = await cluster.CtlAsync("--format", "json", "sessions", "prompt", sessionId, "after the pause");
        var heldCommand = JsonDocument.Parse(held.StdOut).RootElement;
        var turnsWhileHeld = cluster.Llm.Turns.Count(t => t.LastUserText == "after the pause");
        var lift = await cluster.CtlAsync("budgets", "lift", "demo-pause");
        await cluster.WaitAsync(() => Task.FromResult(cluster.Llm.Turns.Any(t => t.LastUserText == "after the pause")), s_wait,
            "the held prompt to reach the model after the lift");

        Assert.True(held.ExitCode == 0, held.ToString());
        Assert.Equal("held", heldCommand.Str("state"));
        Assert.Contains("budget 'demo-pause'", heldCommand.Str("error"), StringComparison.Ordinal);
        Assert.Equal(0, turnsWhileHeld);
        Assert.True(lift.ExitCode == 0, lift.ToString());
        Assert.Contains("lifted budget demo-pause", lift.StdOut, StringComparison.Ordinal);
        await cluster.WaitAsync(async () => (await cluster.GetDataAsync($"api/v1/commands/{heldCommand.Str("command_id")}")).Str("state") == "succeeded",
            s_wait, "the released prompt to succeed");
    }
}
