using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using HalOSwarm.Integration.Tests.Harness;
using HalOSwarm.Testing.FakeChat.Telegram;
using HalOSwarm.Testing.FakeLlm;

namespace HalOSwarm.Integration.Tests.Channels;

/// <summary>
/// Telegram end to end: the built supervisor and agent with a real opencode session on the fake LLM, the Bot API faked.
/// An idle session's alert arrives with its buttons, Resume from Telegram resumes it and the message is edited in
/// place; /status, /logs, /cost and /kill work from the chat.
/// </summary>
public sealed class TelegramChannelTests
{
    private const long OpsChat = PlatformSections.TelegramOps;
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(90);
    private static readonly FakeTelegramUser s_alice = new(424242, "alice", "Alice");
    private static readonly FakeTelegramUser s_victor = new(535353, "victor", "Victor");

    private static ClusterOptions Options(FakeTelegram fake, bool idleRule)
    {
        var channels = new JsonObject
        {
            ["telegram"] = PlatformSections.Telegram(fake),
            ["users"] = new JsonArray(
                new JsonObject { ["name"] = "alice", ["role"] = "operator", ["telegram"] = s_alice.Id.ToString(CultureInfo.InvariantCulture) },
                new JsonObject { ["name"] = "victor", ["role"] = "viewer", ["telegram"] = s_victor.Id.ToString(CultureInfo.InvariantCulture) }),
        };
        if (idleRule)
        {
            // Every session.idle event (a turn ended) alerts at once, with Resume, Restart and Kill.
            channels["routes"] = new JsonArray(new JsonObject { ["name"] = "idle-now", ["match"] = "session.idle", ["targets"] = new JsonArray("telegram:ops") });
        }
        return new ClusterOptions { SupervisorSections = new Dictionary<string, string> { ["channels"] = channels.ToJsonString() } };
    }

    [Fact]
    public async Task IdleSession_AlertWithResume_429WaitedOutSentOnce_ClickResumesTheSessionAndEditsTheMessageInPlace()
    {
        await using var fake = await FakeTelegram.StartAsync();
        fake.RateLimitNext("sendMessage", retryAfterSeconds: 2);
        await using var cluster = await HalCluster.StartAsync(Options(fake, idleRule: true));
        cluster.Llm.Enqueue(FakeReply.Text("first answer"), FakeReply.Text("resumed answer"));
        var sessionId = await StartSessionAsync(cluster);

        var alert = await FirstAsync(cluster, () => fake.Sent.FirstOrDefault(m =>
            m.ChatId == OpsChat && m.CallbackData.Any(d => d.StartsWith("hal:resume:", StringComparison.Ordinal))), "the Telegram alert of the idle session");
        Assert.Contains(sessionId, alert.PlainText, StringComparison.Ordinal);
        // The first try met a 429: the outbox waited Telegram's retry_after and posted the alert once.
        Assert.Equal(429, fake.Calls.First(c => c.Method == "sendMessage").Status);
        var turns = cluster.Llm.Turns.Count();

        fake.Click(s_alice, alert, alert.CallbackData.First(d => d.StartsWith("hal:resume:", StringComparison.Ordinal)));

        await cluster.WaitAsync(() => Task.FromResult(fake.CallbackAnswers.Count == 1), s_wait, "the click answered");
        await cluster.WaitAsync(() => Task.FromResult(cluster.Llm.Turns.Count() > turns), s_wait, "the resumed turn at the LLM");
        var edit = await FirstAsync(cluster, () => fake.Edits.LastOrDefault(e => e.MessageId == alert.MessageId && e.ReplyMarkup is null),
            "the alert edited in place without buttons");
        Assert.Contains("by alice from Telegram", edit.PlainText, StringComparison.Ordinal);
        Assert.Single(fake.Sent, m => m.CallbackData.SequenceEqual(alert.CallbackData));
        var audit = (await cluster.GetDataAsync("api/v1/audit")).ToString();
        Assert.Contains("chat:telegram:424242", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commands_StatusLogsCostKill_FromTelegram_AnsweredAndTheKillStopsTheSession()
    {
        await using var fake = await FakeTelegram.StartAsync();
        await using var cluster = await HalCluster.StartAsync(Options(fake, idleRule: false));
        cluster.Llm.Enqueue(FakeReply.Text("first answer"));
        var sessionId = await StartSessionAsync(cluster);

        var status = await AskAsync(cluster, fake, "/status");
        var logs = await AskAsync(cluster, fake, $"/logs {sessionId} 20");
        var cost = await AskAsync(cluster, fake, "/cost");
        var refused = await AskAsync(cluster, fake, $"/kill {sessionId}", s_victor);
        var kill = await AskAsync(cluster, fake, $"/kill {sessionId}");

        Assert.StartsWith("Status\n", status.PlainText, StringComparison.Ordinal);
        Assert.Contains("1 idle", status.PlainText, StringComparison.Ordinal);
        Assert.StartsWith($"{sessionId} · {HalCluster.ProjectName} · idle\n", logs.PlainText, StringComparison.Ordinal);
        Assert.Contains("<pre>", logs.Html, StringComparison.Ordinal);
        Assert.StartsWith("Cost: ", cost.PlainText, StringComparison.Ordinal);
        Assert.Contains("operator", refused.PlainText, StringComparison.Ordinal);
        var audit = await cluster.GetDataAsync("api/v1/audit?actor=chat:telegram:535353");
        Assert.Contains(audit.EnumerateArray(), e => e.Str("action") == "chat.kill" && e.Str("result") == "forbidden");
        Assert.StartsWith($"/kill {sessionId}\n", kill.PlainText, StringComparison.Ordinal);
        await cluster.WaitForSessionAsync(sessionId, s => s.Str("status") == "killed", s_wait, "the session killed from Telegram");
    }

    private static async Task<string> StartSessionAsync(HalCluster cluster)
    {
        var start = await cluster.CtlAsync("--format", "json", "start", HalCluster.ProjectName, "--prompt", "first question", "--wait", "90");
        Assert.True(start.ExitCode == 0, start.ToString());
        var sessionId = JsonDocument.Parse(start.StdOut).RootElement.GetProperty("result").Str("session_id");
        await cluster.WaitForSessionAsync(sessionId, s => s.Str("status") == "idle", s_wait, "the first turn idle");
        return sessionId;
    }

    /// <summary>Alice (or <paramref name="user"/>) writes <paramref name="command"/> in the ops chat; returns the bot's reply.</summary>
    private static async Task<FakeTelegramMessage> AskAsync(HalCluster cluster, FakeTelegram fake, string command, FakeTelegramUser? user = null)
    {
        var before = fake.Sent.Count;
        fake.SendUserMessage(OpsChat, user ?? s_alice, command);
        return await FirstAsync(cluster, () => fake.Sent.Skip(before).FirstOrDefault(m => m.ChatId == OpsChat), "the reply to " + command);
    }

    private static async Task<T> FirstAsync<T>(HalCluster cluster, Func<T?> probe, string what) where T : class
    {
        T? found = null;
        await cluster.WaitAsync(() => Task.FromResult((found = probe()) is not null), s_wait, what);
        return found!;
    }
}
