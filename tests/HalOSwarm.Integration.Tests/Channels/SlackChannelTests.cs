using System.Text.Json;
using System.Text.Json.Nodes;
using HalOSwarm.Integration.Tests.Harness;
using HalOSwarm.Testing.FakeChat.Slack;
using HalOSwarm.Testing.FakeLlm;

namespace HalOSwarm.Integration.Tests.Channels;

/// <summary>
/// Slack end to end: the built supervisor and agent with a real opencode session on the fake LLM, Slack faked over
/// Socket Mode. Alerts arrive as Block Kit messages by rule, their buttons act on the real session or permission
/// request, and the chat commands answer from Slack.
/// </summary>
public sealed class SlackChannelTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan s_idleWait = TimeSpan.FromSeconds(150);
    private const string Ops = PlatformSections.SlackOps;
    private const string Alice = "U0ALICE001";
    private const string Victor = "U0VICTOR01";
    private const string ToolArgs = """{"command":"echo hi-from-slack > marker.txt","description":"write marker"}""";

    private static ClusterOptions Options(FakeSlack slack, bool askForBash = false)
    {
        var channels = new JsonObject
        {
            ["slack"] = PlatformSections.Slack(slack),
            ["users"] = new JsonArray
            {
                new JsonObject { ["name"] = "alice", ["role"] = "operator", ["slack"] = Alice },
                new JsonObject { ["name"] = "victor", ["role"] = "viewer", ["slack"] = Victor },
            },
            ["routes"] = new JsonArray
            {
                // The shortest idle time a rule takes is a minute; the sweep looks every 15 s.
                new JsonObject { ["name"] = "idle", ["match"] = "session.idle", ["where"] = new JsonArray("idle_for > 1m"), ["target"] = "slack:#ops" },
                new JsonObject { ["name"] = "input", ["match"] = "session.needs_input", ["target"] = "slack:#ops" },
            },
        };
        var sections = new Dictionary<string, string> { ["channels"] = channels.ToJsonString() };
        if (askForBash)
        {
            sections["approvals"] = """{"timeout_sec":300,"default_reply":"reject"}""";
        }
        return new ClusterOptions { SupervisorSections = sections, OpenCodePermissionJson = askForBash ? """{"bash":"ask"}""" : null };
    }

    private static async Task<string> StartSessionAsync(HalCluster cluster, string prompt)
    {
        var start = await cluster.CtlAsync("--format", "json", "sessions", "start", HalCluster.ProjectName, "--prompt", prompt);
        Assert.True(start.ExitCode == 0, start.ToString());
        return JsonDocument.Parse(start.StdOut).RootElement.GetProperty("result").Str("session_id");
    }

    /// <summary>The first message posted to #ops that carries a button with <paramref name="action"/>; its ts and the button's id.</summary>
    private static async Task<(string Ts, string ButtonId, FakeSlackCall Call)> WaitForAlertAsync(FakeSlack slack, string action)
    {
        var call = await slack.WaitForCallAsync(c => c.Method == "chat.postMessage" && c.Error is null && Button(c, action) is not null,
            $"a Slack alert with a {action} button", (int)s_idleWait.TotalMilliseconds);
        return (call.Ts!, Button(call, action)!, call);
    }

    private static string? Button(FakeSlackCall call, string action) =>
        call.Body["blocks"]?.AsArray().Where(b => b?["type"]?.GetValue<string>() == "actions")
            .SelectMany(b => b!["elements"]!.AsArray()).Select(e => e?["value"]?.GetValue<string>())
            .FirstOrDefault(v => v?.StartsWith($"hal:{action}:", StringComparison.Ordinal) == true);

    private static Task<FakeSlackCall> WaitForUpdateAsync(FakeSlack slack, string ts) =>
        slack.WaitForCallAsync(c => c.Method == "chat.update" && c.Error is null && c.Body["ts"]?.GetValue<string>() == ts
            && !c.Body["blocks"]!.ToJsonString().Contains("\"actions\"", StringComparison.Ordinal), "the alert updated in place without buttons",
            (int)s_wait.TotalMilliseconds);

    [Fact]
    public async Task IdleSession_ResumeClickedInSlack_SessionResumesAndAlertUpdatedInPlace()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var cluster = await HalCluster.StartAsync(Options(slack));
        cluster.Llm.Enqueue(FakeReply.Text("First answer."), FakeReply.Text("Resumed answer."));
        var sessionId = await StartSessionAsync(cluster, "first question");
        await cluster.WaitForSessionAsync(sessionId, s => s.Str("status") == "idle", s_wait, "session idle");

        var (ts, resume, alert) = await WaitForAlertAsync(slack, "resume");
        Assert.Contains(sessionId, alert.Body["blocks"]!.ToJsonString(), StringComparison.Ordinal);
        await slack.WaitForAckAsync(await slack.SendBlockActionAsync(Alice, Ops, ts, resume, resume));

        await cluster.WaitAsync(() => Task.FromResult(cluster.Llm.Turns.Count() >= 2), s_wait, "the resumed turn reached the LLM");
        var update = await WaitForUpdateAsync(slack, ts);
        Assert.Contains("alice", update.Body["blocks"]!.ToJsonString(), StringComparison.Ordinal);
        var audit = await cluster.GetDataAsync("api/v1/audit?actor=chat:slack:" + Alice);
        Assert.True(audit.GetArrayLength() > 0, audit.ToString());
    }

    [Fact]
    public async Task PermissionRequest_ShowsTheCommand_DenyInSlackKeepsTheToolFromRunning()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var cluster = await HalCluster.StartAsync(Options(slack, askForBash: true));
        cluster.Llm.Enqueue(FakeReply.ToolCall("bash", ToolArgs), FakeReply.Text("Did not write it."));
        var sessionId = await StartSessionAsync(cluster, "Write the marker file.");

        var (ts, deny, alert) = await WaitForAlertAsync(slack, "deny");
        Assert.Contains("echo hi-from-slack", alert.Body["blocks"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.NotNull(Button(alert, "approve"));
        await slack.WaitForAckAsync(await slack.SendBlockActionAsync(Alice, Ops, ts, deny, deny));

        var replied = await cluster.WaitForAsync(async () =>
        {
            var events = await cluster.GetEventsAsync($"session_id={sessionId}&type=permission.replied");
            return events.Count > 0 ? events[0] : (JsonElement?)null;
        }, s_wait, "permission.replied from opencode");
        Assert.Equal("reject", replied.Data().Str("reply"));
        await WaitForUpdateAsync(slack, ts);
        Assert.False(File.Exists(Path.Combine(cluster.ProjectDir, "marker.txt")), "a denied tool must not run");

        // A second click acts on nothing and says so, to the clicker only.
        await slack.WaitForAckAsync(await slack.SendBlockActionAsync(Alice, Ops, ts, Button(alert, "approve")!, Button(alert, "approve")));
        var note = await slack.WaitForResponseAsync(r => r["response_type"]?.GetValue<string>() == "ephemeral", "the ephemeral note", (int)s_wait.TotalMilliseconds);
        Assert.Contains("Already answered", note["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(cluster.ProjectDir, "marker.txt")), "a second click must not approve");
    }

    [Fact]
    public async Task Commands_StatusLogsCostKillFromSlack_AnswerAndAct_ViewerKillRefused()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var cluster = await HalCluster.StartAsync(Options(slack));
        cluster.Llm.Enqueue(FakeReply.Text("The answer is forty-two."));
        var sessionId = await StartSessionAsync(cluster, "the question");
        await cluster.WaitForSessionAsync(sessionId, s => s.Str("status") == "idle", s_wait, "session idle");
        await slack.WaitForSocketsAsync(1);

        async Task<string> RunAsync(string user, string text)
        {
            var ack = await slack.WaitForAckAsync(await slack.SendSlashCommandAsync("/hal", text, user, Ops, slack.ResponseUrl(Guid.NewGuid().ToString("N"))));
            return ack.Payload!.ToJsonString();
        }

        // The status table clips long cells (the chat core's choice); the id's start is enough to know the row.
        Assert.Contains(sessionId[..20], await RunAsync(Alice, "status"), StringComparison.Ordinal);
        var logs = await RunAsync(Alice, "logs " + sessionId);
        Assert.True(logs.Contains("forty-two", StringComparison.Ordinal), $"/hal logs lacks the reply: {logs}\n{cluster.Diagnostics()}");
        Assert.Contains("\"response_type\"", await RunAsync(Alice, "cost"), StringComparison.Ordinal);

        var refused = await RunAsync(Victor, "kill " + sessionId);
        Assert.Contains("ephemeral", refused, StringComparison.Ordinal);
        var forbidden = await cluster.GetDataAsync("api/v1/audit?actor=chat:slack:" + Victor);
        Assert.Contains("forbidden", forbidden.ToString(), StringComparison.Ordinal);

        await RunAsync(Alice, "kill " + sessionId);
        await cluster.WaitForSessionAsync(sessionId, s => s.Str("status") == "killed", s_wait, "session killed from Slack");
    }
}
