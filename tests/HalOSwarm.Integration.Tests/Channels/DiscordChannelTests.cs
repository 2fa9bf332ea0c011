using System.Text.Json;
using System.Text.Json.Nodes;
using HalOSwarm.Integration.Tests.Harness;
using HalOSwarm.Testing.FakeChat.Discord;
using HalOSwarm.Testing.FakeLlm;

namespace HalOSwarm.Integration.Tests.Channels;

/// <summary>
/// Discord end to end: the built supervisor and agent with a real opencode session on the fake LLM, Discord faked
/// (REST and Gateway). A permission request becomes an embed with the exact command; Approve by button runs the tool;
/// a second click acts on nothing and says so.
/// </summary>
public sealed class DiscordChannelTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(90);
    private const string BobId = "1300000000000000002";
    private const string ToolArgs = """{"command":"echo hi-from-discord > marker.txt","description":"write marker"}""";

    private static ClusterOptions Options(FakeDiscordServer discord, JsonArray? routes = null) => new()
    {
        OpenCodePermissionJson = """{"bash":"ask"}""",
        SupervisorSections = new Dictionary<string, string>
        {
            ["approvals"] = """{"timeout_sec":300,"default_reply":"reject"}""",
            ["channels"] = new JsonObject
            {
                ["discord"] = PlatformSections.Discord(discord),
                ["routes"] = routes ?? [],
                ["users"] = new JsonArray(
                    new JsonObject { ["name"] = "alice", ["role"] = "operator", ["discord"] = FakeDiscordInteractions.AliceId },
                    new JsonObject { ["name"] = "bob", ["role"] = "viewer", ["discord"] = BobId }),
            }.ToJsonString(),
        },
    };

    [Fact]
    public async Task PermissionRequest_ApproveByDiscordButton_ToolRunsAndSecondClickSaysAnswered()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var cluster = await HalCluster.StartAsync(Options(discord));
        cluster.Llm.Enqueue(FakeReply.ToolCall("bash", ToolArgs), FakeReply.Text("Wrote the marker."));
        var start = await cluster.CtlAsync("--format", "json", "sessions", "start", HalCluster.ProjectName, "--prompt", "Write the marker file.");
        Assert.True(start.ExitCode == 0, start.ToString());

        var post = await cluster.WaitForAsync(() => Task.FromResult(
            discord.RequestsTo(FakeDiscordRoutes.CreateMessage).FirstOrDefault(r => r.Status == 200) is { } r ? JsonDocument.Parse(r.Body).RootElement.Clone() : (JsonElement?)null),
            s_wait, "the permission request's embed on Discord");
        Assert.Contains("echo hi-from-discord", post.GetProperty("embeds")[0].ToString(), StringComparison.Ordinal);
        var approve = post.GetProperty("components")[0].GetProperty("components").EnumerateArray()
            .Select(b => b.TryGetProperty("custom_id", out var id) ? id.GetString() : null)
            .Single(id => id is not null && id.StartsWith("hal:approve:", StringComparison.Ordinal))!;
        Assert.False(File.Exists(Marker(cluster)), "the tool must wait for the answer");
        await cluster.WaitAsync(() => Task.FromResult(discord.Gateway.Ready), s_wait, "the Gateway session");

        var click = FakeDiscordInteractions.ButtonClick(approve, "1600000000000000009");
        await discord.Gateway.SendInteractionAsync(click);
        var updated = await CallbackAsync(cluster, discord, click);

        Assert.Equal(7, updated.GetProperty("type").GetInt32());
        Assert.Equal(0, updated.GetProperty("data").GetProperty("components").GetArrayLength());
        Assert.Contains("alice", updated.GetProperty("data").GetProperty("embeds")[0].GetProperty("description").GetString()!, StringComparison.OrdinalIgnoreCase);
        await cluster.WaitAsync(() => Task.FromResult(HalCluster.HasContent(Marker(cluster))), s_wait, "marker.txt written by the approved tool");
        Assert.Equal("hi-from-discord", (await File.ReadAllTextAsync(Marker(cluster))).Trim());

        var again = FakeDiscordInteractions.ButtonClick(approve, "1600000000000000009");
        await discord.Gateway.SendInteractionAsync(again);
        await CallbackAsync(cluster, discord, again);
        var followUp = await cluster.WaitForAsync(() => Task.FromResult(
            discord.RequestsTo(FakeDiscordRoutes.FollowUp) is [var r, ..] ? JsonDocument.Parse(r.Body).RootElement.Clone() : (JsonElement?)null),
            s_wait, "the note that the alert was answered");
        Assert.Contains("answered", followUp.GetProperty("content").GetString()!, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(64, followUp.GetProperty("flags").GetInt32());
    }

    [Fact]
    public async Task PermissionRequest_DenyByDiscordButton_ToolDoesNotRunAndTheAgentGotReject()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var cluster = await HalCluster.StartAsync(Options(discord));
        cluster.Llm.Enqueue(FakeReply.ToolCall("bash", ToolArgs), FakeReply.Text("Did not write it."));
        var start = await cluster.CtlAsync("--format", "json", "sessions", "start", HalCluster.ProjectName, "--prompt", "Write the marker file.");
        Assert.True(start.ExitCode == 0, start.ToString());
        var sessionId = JsonDocument.Parse(start.StdOut).RootElement.GetProperty("result").Str("session_id");

        var post = await cluster.WaitForAsync(() => Task.FromResult(
            discord.RequestsTo(FakeDiscordRoutes.CreateMessage).FirstOrDefault(r => r.Status == 200) is { } r ? JsonDocument.Parse(r.Body).RootElement.Clone() : (JsonElement?)null),
            s_wait, "the permission request's embed on Discord");
        var deny = post.GetProperty("components")[0].GetProperty("components").EnumerateArray()
            .Select(b => b.TryGetProperty("custom_id", out var id) ? id.GetString() : null)
            .Single(id => id is not null && id.StartsWith("hal:deny:", StringComparison.Ordinal))!;
        await cluster.WaitAsync(() => Task.FromResult(discord.Gateway.Ready), s_wait, "the Gateway session");

        var click = FakeDiscordInteractions.ButtonClick(deny, "1600000000000000011");
        await discord.Gateway.SendInteractionAsync(click);
        var updated = await CallbackAsync(cluster, discord, click);

        Assert.Equal(7, updated.GetProperty("type").GetInt32());
        Assert.Equal(0, updated.GetProperty("data").GetProperty("components").GetArrayLength());
        // The session goes on without the tool: its turn ends, and the request is answered reject by alice.
        await cluster.WaitForSessionAsync(sessionId, s => s.Str("status") == "idle", s_wait, "the session idle after the denied tool");
        var approvals = await cluster.GetDataAsync($"api/v1/approvals?session_id={sessionId}");
        Assert.Equal("rejected", approvals[0].Str("state"));
        Assert.Equal("reject", approvals[0].Str("reply"));
        Assert.Equal("chat:discord:" + FakeDiscordInteractions.AliceId, approvals[0].Str("answered_by"));
        Assert.False(File.Exists(Marker(cluster)), "a denied tool must not run");
    }

    [Fact]
    public async Task IdleSession_ResumeByDiscordButton_SessionContinues()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        // Every session.idle event (a turn ended) alerts at once; the idle_for sweep over real processes is the Slack
        // test's (it waits out the shortest idle time a rule takes, a minute).
        var routes = new JsonArray(new JsonObject { ["name"] = "idle-now", ["match"] = "session.idle", ["target"] = "discord:alerts" });
        await using var cluster = await HalCluster.StartAsync(Options(discord, routes));
        cluster.Llm.Enqueue(FakeReply.Text("First turn done."), FakeReply.Text("Resumed and done."));
        var start = await cluster.CtlAsync("--format", "json", "sessions", "start", HalCluster.ProjectName, "--prompt", "Say hello.");
        Assert.True(start.ExitCode == 0, start.ToString());
        var sessionId = JsonDocument.Parse(start.StdOut).RootElement.GetProperty("result").Str("session_id");

        var post = await cluster.WaitForAsync(() => Task.FromResult(
            discord.RequestsTo(FakeDiscordRoutes.CreateMessage).FirstOrDefault(r => r.Status == 200) is { } r ? JsonDocument.Parse(r.Body).RootElement.Clone() : (JsonElement?)null),
            s_wait, "the idle session's embed on Discord");
        var resume = post.GetProperty("components")[0].GetProperty("components").EnumerateArray()
            .Select(b => b.TryGetProperty("custom_id", out var id) ? id.GetString() : null)
            .Single(id => id is not null && id.StartsWith("hal:resume:", StringComparison.Ordinal))!;
        await cluster.WaitAsync(() => Task.FromResult(discord.Gateway.Ready), s_wait, "the Gateway session");
        var click = FakeDiscordInteractions.ButtonClick(resume, "1600000000000000010");
        await discord.Gateway.SendInteractionAsync(click);

        var updated = await CallbackAsync(cluster, discord, click);
        Assert.Equal(7, updated.GetProperty("type").GetInt32());
        await cluster.WaitAsync(async () => (await cluster.GetEventsAsync($"session_id={sessionId}&type=message.completed"))
            .Any(e => e.Data().ToString().Contains("Resumed and done.", StringComparison.Ordinal)), s_wait,
            $"the resumed turn's answer (the click was answered with {updated})");
    }

    [Fact]
    public async Task SlashCommands_StatusLogsCostKill_AnsweredAndViewersKillRefusedAndAudited()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var cluster = await HalCluster.StartAsync(Options(discord));
        cluster.Llm.Enqueue(FakeReply.Text("Hello from the session."));
        var start = await cluster.CtlAsync("--format", "json", "sessions", "start", HalCluster.ProjectName, "--prompt", "Say hello.");
        Assert.True(start.ExitCode == 0, start.ToString());
        var sessionId = JsonDocument.Parse(start.StdOut).RootElement.GetProperty("result").Str("session_id");
        await cluster.WaitForSessionAsync(sessionId, s => s.Str("status") == "idle", s_wait, "session idle after its turn");
        await cluster.WaitAsync(() => Task.FromResult(discord.Gateway.Ready), s_wait, "the Gateway session");

        var status = await CommandAsync(cluster, discord, FakeDiscordInteractions.SlashCommand("status"));
        var logs = await CommandAsync(cluster, discord, FakeDiscordInteractions.SlashCommand("logs", new Dictionary<string, object> { ["session"] = sessionId, ["n"] = 5 }));
        var cost = await CommandAsync(cluster, discord, FakeDiscordInteractions.SlashCommand("cost", new Dictionary<string, object> { ["period"] = "today" }));
        var refused = await CommandAsync(cluster, discord, FakeDiscordInteractions.SlashCommand("kill", new Dictionary<string, object> { ["session"] = sessionId }, userId: BobId));
        await CommandAsync(cluster, discord, FakeDiscordInteractions.SlashCommand("kill", new Dictionary<string, object> { ["session"] = sessionId }));

        Assert.Contains("Active sessions: 1 idle", status, StringComparison.Ordinal);
        Assert.Contains("Hello from the session.", logs, StringComparison.Ordinal);
        Assert.Contains("today", cost, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("operator", refused, StringComparison.Ordinal);
        await cluster.WaitForSessionAsync(sessionId, s => s.Str("status") == "killed", s_wait, "session killed from Discord");
        var audit = await cluster.GetDataAsync("api/v1/audit?limit=200");
        var forbidden = Assert.Single(audit.EnumerateArray(), e => e.Str("action") == "chat.kill" && e.Str("result") == "forbidden");
        Assert.Equal($"chat:discord:{BobId}", forbidden.Str("actor"));
    }

    /// <summary>Runs a slash command over the Gateway; the answer's JSON as text (the callback's, or a deferred one's PATCH @original).</summary>
    private static async Task<string> CommandAsync(HalCluster cluster, FakeDiscordServer discord, JsonObject command)
    {
        await discord.Gateway.SendInteractionAsync(command);
        var callback = await CallbackAsync(cluster, discord, command);
        if (callback.GetProperty("type").GetInt32() == 4)
        {
            return callback.GetProperty("data").ToString();
        }
        Assert.Equal(5, callback.GetProperty("type").GetInt32());
        var path = $"/webhooks/{FakeDiscordServer.ApplicationId}/{command["token"]}/messages/@original";
        var edit = await cluster.WaitForAsync(() => Task.FromResult(
            discord.RequestsTo(FakeDiscordRoutes.EditOriginal).FirstOrDefault(r => r.Path == path) is { } r
                ? JsonDocument.Parse(r.Body).RootElement.Clone()
                : (JsonElement?)null), s_wait, "the deferred answer");
        return edit.ToString();
    }

    private static string Marker(HalCluster cluster) => Path.Combine(cluster.ProjectDir, "marker.txt");

    private static Task<JsonElement> CallbackAsync(HalCluster cluster, FakeDiscordServer discord, JsonObject interaction)
    {
        var path = $"/interactions/{interaction["id"]}/{interaction["token"]}/callback";
        return cluster.WaitForAsync(() => Task.FromResult(
            discord.RequestsTo(FakeDiscordRoutes.InteractionCallback).FirstOrDefault(r => r.Path == path) is { } r
                ? JsonDocument.Parse(r.Body).RootElement.Clone()
                : (JsonElement?)null), s_wait, "the interaction's callback");
    }
}
