using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using HalOSwarm.Integration.Tests.Harness;
using HalOSwarm.Testing.FakeChat.Discord;
using HalOSwarm.Testing.FakeChat.Slack;
using HalOSwarm.Testing.FakeChat.Telegram;
using HalOSwarm.Testing.FakeLlm;

namespace HalOSwarm.Integration.Tests.Channels;

/// <summary>
/// One rule, three platforms: the built supervisor and agent with a real opencode session, Discord, Slack and Telegram
/// faked at once. An idle session's alert goes to all three; Resume clicked on one resumes the session, and every copy
/// of the alert, on every platform, is updated in place to say who answered and from where.
/// </summary>
public sealed class AllPlatformsChannelTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(90);
    private const string SlackOps = PlatformSections.SlackOps;
    private const string SlackAlice = "U0ALICE001";
    private const long TelegramOps = PlatformSections.TelegramOps;
    private static readonly FakeTelegramUser s_alice = new(424242, "alice", "Alice");

    [Fact]
    public async Task IdleSession_AlertOnDiscordSlackAndTelegram_ResumeFromTelegram_ResumesAndEveryCopySaysWhoAnswered()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var slack = await FakeSlack.StartAsync();
        await using var telegram = await FakeTelegram.StartAsync();
        await using var cluster = await HalCluster.StartAsync(Options(discord, slack, telegram));
        cluster.Llm.Enqueue(FakeReply.Text("First turn done."), FakeReply.Text("Resumed and done."));
        var start = await cluster.CtlAsync("--format", "json", "sessions", "start", HalCluster.ProjectName, "--prompt", "Say hello.");
        Assert.True(start.ExitCode == 0, start.ToString());
        var sessionId = JsonDocument.Parse(start.StdOut).RootElement.GetProperty("result").Str("session_id");

        // The same alert on the three platforms: an embed, a Block Kit message, a Telegram message, each with Resume.
        var embed = await cluster.WaitForAsync(() => Task.FromResult(
            discord.RequestsTo(FakeDiscordRoutes.CreateMessage).FirstOrDefault(r => r.Status == 200) is { } r ? JsonDocument.Parse(r.Body).RootElement.Clone() : (JsonElement?)null),
            s_wait, "the idle session's embed on Discord");
        // Discord's markdown: an underscore in a field's value is escaped.
        Assert.Contains(embed.GetProperty("embeds")[0].GetProperty("fields").EnumerateArray(),
            f => f.Str("name") == "Session" && f.Str("value").Replace("\\", "", StringComparison.Ordinal) == sessionId);
        var blocks = await slack.WaitForCallAsync(c => c.Method == "chat.postMessage" && c.Error is null
            && c.Body.ToJsonString().Contains("hal:resume:", StringComparison.Ordinal), "the idle session's message on Slack", (int)s_wait.TotalMilliseconds);
        Assert.Contains(sessionId, blocks.Body.ToJsonString(), StringComparison.Ordinal);
        FakeTelegramMessage? message = null;
        await cluster.WaitAsync(() => Task.FromResult((message = telegram.Sent.FirstOrDefault(m => m.ChatId == TelegramOps
            && m.CallbackData.Any(d => d.StartsWith("hal:resume:", StringComparison.Ordinal)))) is not null), s_wait, "the idle session's message on Telegram");
        Assert.Contains(sessionId, message!.PlainText, StringComparison.Ordinal);
        var resume = message.CallbackData.First(d => d.StartsWith("hal:resume:", StringComparison.Ordinal));
        Assert.Contains(resume, embed.ToString(), StringComparison.Ordinal);
        Assert.Contains(resume, blocks.Body.ToJsonString(), StringComparison.Ordinal);

        telegram.Click(s_alice, message, resume);

        await cluster.WaitAsync(async () => (await cluster.GetEventsAsync($"session_id={sessionId}&type=message.completed"))
            .Any(e => e.Data().ToString().Contains("Resumed and done.", StringComparison.Ordinal)), s_wait, "the resumed turn's answer");
        FakeTelegramMessage? edited = null;
        await cluster.WaitAsync(() => Task.FromResult((edited = telegram.Edits.LastOrDefault(e => e.MessageId == message.MessageId && e.ReplyMarkup is null))
            is not null), s_wait, "the Telegram copy edited in place");
        Assert.Contains("by alice from Telegram", edited!.PlainText, StringComparison.Ordinal);
        var discordEdit = await cluster.WaitForAsync(() => Task.FromResult(
            discord.RequestsTo(FakeDiscordRoutes.EditMessage).FirstOrDefault(r => r.Status == 200) is { } r ? JsonDocument.Parse(r.Body).RootElement.Clone() : (JsonElement?)null),
            s_wait, "the Discord copy edited in place");
        Assert.Contains("alice", discordEdit.GetProperty("embeds")[0].ToString(), StringComparison.Ordinal);
        Assert.Equal(0, discordEdit.GetProperty("components").GetArrayLength());
        var slackUpdate = await slack.WaitForCallAsync(c => c.Method == "chat.update" && c.Error is null && c.Body["ts"]?.GetValue<string>() == blocks.Ts,
            "the Slack copy updated in place", (int)s_wait.TotalMilliseconds);
        Assert.DoesNotContain("\"actions\"", slackUpdate.Body["blocks"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("alice", slackUpdate.Body.ToJsonString(), StringComparison.Ordinal);
        // One resume, by the one click.
        var resumes = await cluster.GetDataAsync($"api/v1/commands?session_id={sessionId}&type=resume");
        Assert.Equal(1, resumes.GetArrayLength());
        Assert.Equal("chat:telegram:424242", resumes[0].Str("actor"));
    }

    private static ClusterOptions Options(FakeDiscordServer discord, FakeSlack slack, FakeTelegram telegram) => new()
    {
        SupervisorSections = new Dictionary<string, string>
        {
            ["channels"] = new JsonObject
            {
                ["discord"] = PlatformSections.Discord(discord),
                ["slack"] = PlatformSections.Slack(slack),
                ["telegram"] = PlatformSections.Telegram(telegram),
                ["users"] = new JsonArray(new JsonObject
                {
                    ["name"] = "alice", ["role"] = "operator", ["discord"] = FakeDiscordInteractions.AliceId, ["slack"] = SlackAlice,
                    ["telegram"] = s_alice.Id.ToString(CultureInfo.InvariantCulture),
                }),
                // Every session.idle (a turn ended) alerts at once, everywhere.
                ["routes"] = new JsonArray(new JsonObject
                {
                    ["name"] = "idle-now", ["match"] = "session.idle", ["targets"] = new JsonArray("discord:alerts", "slack:#ops", "telegram:ops"),
                }),
            }.ToJsonString(),
        },
    };
}
