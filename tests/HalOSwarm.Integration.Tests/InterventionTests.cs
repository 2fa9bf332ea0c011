using System.Net.Http.Json;
using System.Text.Json;
using HalOSwarm.Integration.Tests.Harness;
using HalOSwarm.Testing.FakeLlm;
using static HalOSwarm.Integration.Tests.Harness.CommandProbes;

namespace HalOSwarm.Integration.Tests;

/// <summary>Commands through halctl and the API, run by the built supervisor and agent on real opencode sessions.</summary>
public sealed class InterventionTests
{
    private const string ContinuePrompt = "Operator check-in: continue with the plan.";
    private const string HandoverPrompt = "Handover now: write .context/PROGRESS.md and .context/CURRENT_TASK.md, commit, stop.";
    private const string AfterHandoverPrompt = "You take over: read .context/PROGRESS.md and .context/CURRENT_TASK.md, then continue.";

    private static readonly Dictionary<string, string> s_prompts = new()
    {
        ["prompts"] = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["continue"] = ContinuePrompt,
            ["handover"] = HandoverPrompt,
            ["after_handover"] = AfterHandoverPrompt,
        }),
    };

    [Fact]
    public async Task StartInjectResumeKill_ThroughHalctl_EachSucceedsWithItsEffectAndIsAudited()
    {
        await using var cluster = await HalCluster.StartAsync(new ClusterOptions { SupervisorSections = s_prompts });
        cluster.Llm.Enqueue(FakeReply.Text("first answer"), FakeReply.Text("injected answer"), FakeReply.Text("resumed answer"));
        var start = Command(await cluster.CtlAsync("--format", "json", "start", HalCluster.ProjectName, "--prompt", "first question", "--wait", "90"));
        Assert.Equal("succeeded", start.Str("state"));
        var sessionId = start.GetProperty("result").Str("session_id");
        await cluster.WaitForSessionAsync(sessionId, s => s.Str("status") == "idle" && s.GetProperty("tokens").Long("output") > 0, Wait, "first turn idle");

        var inject = Command(await cluster.CtlAsync("--format", "json", "inject", sessionId, "injected question"));
        Assert.Equal("succeeded", inject.Str("state"));
        await WaitForTurnAsync(cluster, "injected question");
        await cluster.WaitAsync(async () => (await MessagesAsync(cluster, sessionId)).Contains("assistant: injected answer"), Wait, "injected answer");
        await cluster.WaitForSessionAsync(sessionId, s => s.Str("status") == "idle", Wait, "idle after the injected turn");

        var resume = Command(await cluster.CtlAsync("--format", "json", "resume", sessionId));
        Assert.Equal("succeeded", resume.Str("state"));
        Assert.Equal(ContinuePrompt, resume.GetProperty("args").Str("text"));
        await WaitForTurnAsync(cluster, ContinuePrompt);
        await cluster.WaitAsync(async () => (await MessagesAsync(cluster, sessionId)).Contains("assistant: resumed answer"), Wait, "resumed answer");

        var kill = Command(await cluster.CtlAsync("--format", "json", "kill", sessionId));
        Assert.Equal("succeeded", kill.Str("state"));
        await cluster.WaitForSessionAsync(sessionId, s => s.Str("status") == "killed", Wait, "session killed");

        foreach (var command in new[] { start, inject, resume, kill })
        {
            Assert.Equal(CliActor, command.Str("actor"));
            await WaitForAuditAsync(cluster, command, CliActor);
        }
        var listed = await cluster.CtlAsync("commands", "list", "--session", sessionId);
        Assert.True(listed.ExitCode == 0, listed.ToString());
        Assert.Contains(kill.Str("command_id"), listed.StdOut, StringComparison.Ordinal);
        var audit = await cluster.CtlAsync("audit", "list", "--actor", $"cli:{Environment.UserName}", "--action", "command.resume");
        Assert.True(audit.ExitCode == 0, audit.ToString());
        Assert.Contains(resume.Str("command_id"), audit.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Abort_DuringSlowStreamedReply_TurnStopsAndSessionIdles()
    {
        await using var cluster = await HalCluster.StartAsync();
        cluster.Llm.Enqueue(FakeReply.Text(string.Concat(Enumerable.Repeat("a long, slow answer ", 60)), chunks: 60, delay: TimeSpan.FromMilliseconds(500)));
        var start = Command(await cluster.CtlAsync("--format", "json", "start", HalCluster.ProjectName, "--prompt", "take your time", "--wait", "90"));
        var sessionId = start.GetProperty("result").Str("session_id");
        await cluster.WaitAsync(async () => (await cluster.GetEventsAsync($"session_id={sessionId}&type=message.delta")).Count > 0, Wait, "the reply streaming");

        var abort = Command(await cluster.CtlAsync("--format", "json", "abort", sessionId, "--wait", "60"));
        Assert.Equal("succeeded", abort.Str("state"));

        await cluster.WaitForSessionAsync(sessionId, s => s.Str("status") is "idle" or "error", Wait, "the turn to stop");
        var errors = await cluster.GetEventsAsync($"session_id={sessionId}&type=session.error");
        Assert.Contains(errors, e => e.Data().Str("error_name") == "MessageAbortedError");
        Assert.DoesNotContain((await MessagesAsync(cluster, sessionId)), m => m.StartsWith("assistant: a long", StringComparison.Ordinal) && m.Length > 1000);
        await WaitForAuditAsync(cluster, abort, CliActor);
    }

    [Fact]
    public async Task Restart_IdleSession_HandoverToOldNewSessionGetsAfterHandoverAndIsLinked()
    {
        await using var cluster = await HalCluster.StartAsync(new ClusterOptions { SupervisorSections = s_prompts });
        cluster.Llm.Enqueue(FakeReply.Text("first answer"), FakeReply.Text("progress written"), FakeReply.Text("continuing from the files"));
        var oldId = await StartIdleSessionAsync(cluster, "first question");

        var restart = Command(await cluster.CtlAsync("--format", "json", "restart", oldId, "--wait", "180"));
        Assert.Equal("succeeded", restart.Str("state"));
        var result = restart.GetProperty("result");
        var newId = result.Str("session_id");
        Assert.Equal(oldId, result.Str("previous_session_id"));
        Assert.NotEqual(oldId, newId);
        Assert.True(result.GetProperty("handover_finished").GetBoolean(), restart.ToString());

        // The old session got the handover prompt as a turn, the new one the after-handover prompt.
        Assert.Equal(1, TurnsWith(cluster, HandoverPrompt));
        await WaitForTurnAsync(cluster, AfterHandoverPrompt);
        Assert.Contains($"user: {HandoverPrompt}", await MessagesAsync(cluster, oldId));
        await cluster.WaitAsync(async () => (await MessagesAsync(cluster, newId)).Contains($"user: {AfterHandoverPrompt}"), Wait, "after-handover prompt in the new session");

        var old = await cluster.WaitForSessionAsync(oldId, s => s.Str("status") == "killed", Wait, "old session killed");
        Assert.Equal(newId, old.Str("successor_session_id"));
        var successor = await cluster.GetDataAsync($"api/v1/sessions/{newId}");
        Assert.Equal(oldId, successor.Str("parent_session_id"));
        Assert.Equal(HalCluster.ProjectName, successor.Str("project"));

        var steps = await cluster.GetDataAsync($"api/v1/commands?limit=100");
        var children = steps.EnumerateArray().Where(c => c.TryGetProperty("parent_command_id", out var p) && p.GetString() == restart.Str("command_id")).ToList();
        Assert.Equal(["kill", "prompt", "start"], children.Select(c => c.Str("type")).Order(StringComparer.Ordinal));
        Assert.All(children, c => Assert.Equal("succeeded", c.Str("state")));
        await WaitForAuditAsync(cluster, restart, CliActor);
    }

    [Fact]
    public async Task SameIdempotencyKey_SentTwiceConcurrently_RunsOnce()
    {
        await using var cluster = await HalCluster.StartAsync();
        var sessionId = await StartIdleSessionAsync(cluster, "first question");

        var body = new { type = "prompt", session_id = sessionId, args = new { text = "only once please" }, idempotency_key = "same-key" };
        var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => cluster.Api.PostAsJsonAsync("api/v1/commands?wait=60", body)));
        var commands = new List<JsonElement>();
        foreach (var response in responses)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, text);
            commands.Add(JsonDocument.Parse(text).RootElement.GetProperty("data").Clone());
        }
        Assert.Single(commands.Select(c => c.Str("command_id")).Distinct());
        await WaitForStateAsync(cluster, commands[0].Str("command_id"), "succeeded");

        // The same through two halctl runs at once.
        var runs = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            cluster.CtlAsync("--format", "json", "inject", sessionId, "cli once please", "--idempotency-key", "cli-key", "--wait", "60")));
        Assert.Single(runs.Select(r => Command(r).Str("command_id")).Distinct());

        await WaitForTurnAsync(cluster, "only once please");
        await WaitForTurnAsync(cluster, "cli once please");
        await cluster.WaitForSessionAsync(sessionId, s => s.Str("status") == "idle", Wait, "idle after both turns");
        var stored = await cluster.GetDataAsync($"api/v1/commands?session_id={sessionId}&limit=100");
        Assert.Equal(2, stored.EnumerateArray().Count(c => c.Str("type") is "prompt" or "inject"));
        Assert.Equal(1, TurnsWith(cluster, "only once please"));
        Assert.Equal(1, TurnsWith(cluster, "cli once please"));
    }

    [Fact]
    public async Task Command_NodeOfflineLongerThanOfflineWait_FailsWithClearReasonAndItsKeyRunsAgainLater()
    {
        await using var cluster = await HalCluster.StartAsync(new ClusterOptions
        {
            HeartbeatIntervalSec = 1,
            HeartbeatTimeoutCount = 3,
            SupervisorSections = new Dictionary<string, string> { ["commands"] = """{"offline_wait_sec":3}""" },
        });
        var sessionId = await StartIdleSessionAsync(cluster, "first question");
        var nodeId = cluster.NodeId;
        await cluster.Agent!.KillHardAsync();
        await cluster.WaitForNodeStatusAsync("offline", Wait);

        var kill = await cluster.CtlAsync("kill", sessionId, "--wait", "60", "--idempotency-key", "kill-once");

        Assert.Equal(1, kill.ExitCode);
        Assert.Matches($"^halctl: error: command cmd\\S+ failed: node {nodeId} was offline for 3 s \\(node_offline\\)\n$", kill.StdErr.ReplaceLineEndings("\n"));
        var stored = await cluster.GetDataAsync($"api/v1/commands?session_id={sessionId}&type=kill");
        var command = Assert.Single(stored.EnumerateArray().ToList());
        Assert.Equal("failed", command.Str("state"));
        Assert.Equal("node_offline", command.Str("error_code"));
        await WaitForAuditAsync(cluster, command, CliActor);

        // A failed command does not hold its key: once the node is back, the same key runs a new command.
        await cluster.StartAgentAsync();
        await cluster.WaitForNodeStatusAsync("online", Wait);
        var retry = Command(await cluster.CtlAsync("--format", "json", "kill", sessionId, "--wait", "60", "--idempotency-key", "kill-once"));
        Assert.Equal("succeeded", retry.Str("state"));
        Assert.NotEqual(command.Str("command_id"), retry.Str("command_id"));
        await cluster.WaitForSessionAsync(sessionId, s => s.Str("status") == "killed", Wait, "session killed by the retry");
    }

    [Fact]
    public async Task Command_NodeBrieflyDisconnected_SucceedsAfterReconnect()
    {
        await using var cluster = await HalCluster.StartAsync(new ClusterOptions { HeartbeatIntervalSec = 1, HeartbeatTimeoutCount = 3 });
        var sessionId = await StartIdleSessionAsync(cluster, "first question");
        await cluster.Agent!.KillHardAsync();
        await cluster.WaitForNodeStatusAsync("offline", Wait);

        var inject = Command(await cluster.CtlAsync("--format", "json", "inject", sessionId, "sent while away", "--wait", "0"));
        Assert.Equal("pending", inject.Str("state"));
        await cluster.StartAgentAsync();
        await cluster.WaitForNodeStatusAsync("online", Wait);

        var done = await WaitForStateAsync(cluster, inject.Str("command_id"), "succeeded");
        Assert.True(done.GetProperty("attempts").GetInt32() >= 1, done.ToString());
        await WaitForTurnAsync(cluster, "sent while away");
        Assert.Equal(1, TurnsWith(cluster, "sent while away"));
        await WaitForAuditAsync(cluster, done, CliActor);
    }

    [Fact]
    public async Task Inject_ToBusySession_QueuedAndDeliveredAfterTheTurnEndsWhileResumeIsRefused()
    {
        await using var cluster = await HalCluster.StartAsync();
        var slow = "A slow first answer that streams for fifteen seconds. " + new string('.', 60);
        cluster.Llm.Enqueue(FakeReply.Text(slow, chunks: 60, delay: TimeSpan.FromMilliseconds(250)), FakeReply.Text("second answer"));
        var start = Command(await cluster.CtlAsync("--format", "json", "start", HalCluster.ProjectName, "--prompt", "first question", "--wait", "90"));
        var sessionId = start.GetProperty("result").Str("session_id");
        await cluster.WaitAsync(async () => (await cluster.GetEventsAsync($"session_id={sessionId}&type=message.delta")).Count > 0, Wait, "the first reply streaming");

        var inject = Command(await cluster.CtlAsync("--format", "json", "inject", sessionId, "second question"));
        Assert.Equal("succeeded", inject.Str("state"));
        Assert.True(inject.GetProperty("result").GetProperty("queued").GetBoolean(), inject.ToString());
        var resume = await cluster.CtlAsync("resume", sessionId);
        Assert.Equal(1, resume.ExitCode);
        Assert.StartsWith($"halctl: error: session {sessionId} is busy (running); resume only prompts an idle session", resume.StdErr, StringComparison.Ordinal);
        Assert.EndsWith("(conflict)\n", resume.StdErr.ReplaceLineEndings("\n"), StringComparison.Ordinal);

        await cluster.WaitAsync(async () => (await MessagesAsync(cluster, sessionId)).Contains("assistant: second answer"), Wait, "second answer");
        Assert.Equal(
            ["user: first question", $"assistant: {slow}", "user: second question", "assistant: second answer"],
            await MessagesAsync(cluster, sessionId));
        var turns = cluster.Llm.Turns.Select(t => t.LastUserText).ToList();
        Assert.True(turns.IndexOf("first question") < turns.IndexOf("second question"), string.Join(" | ", turns));
        await WaitForAuditAsync(cluster, inject, CliActor);
        var refused = await cluster.GetDataAsync($"api/v1/audit?action=command.resume&target={sessionId}");
        var entry = Assert.Single(refused.EnumerateArray().ToList());
        Assert.Equal("rejected", entry.Str("result"));
        Assert.Equal(CliActor, entry.Str("actor"));
        Assert.Equal(0, TurnsWith(cluster, "Continue where you left off."));
    }
}
