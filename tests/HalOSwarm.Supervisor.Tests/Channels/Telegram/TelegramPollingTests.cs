using HalOSwarm.Supervisor.Channels.Delivery;
using HalOSwarm.Supervisor.Tests.Support;
using HalOSwarm.Testing;
using HalOSwarm.Testing.FakeChat.Telegram;
using static HalOSwarm.Supervisor.Tests.Channels.Telegram.TelegramTestConfig;

namespace HalOSwarm.Supervisor.Tests.Channels.Telegram;

/// <summary>The supervisor long-polling the fake Bot API: commands in, replies out, the offset kept across a restart.</summary>
public sealed class TelegramPollingTests
{
    [Fact]
    public async Task Polling_StatusCommandInTheOpsChat_RunsItAndRepliesEscapedWithThePreformattedBlock()
    {
        await using var fake = await FakeTelegram.StartAsync();
        var chat = new StubChat();
        await using var host = await StartAsync(fake, chat);

        fake.SendUserMessage(OpsChat, Alice, "/status@hal_test_bot alpha");

        await SupervisorHost.WaitUntilAsync(() => Task.FromResult(fake.Sent.Count == 1), "the reply to /status");
        var reply = fake.Sent[0];
        Assert.Equal(OpsChat, reply.ChatId);
        Assert.Contains("<b>Result of status</b>", reply.Html, StringComparison.Ordinal);
        Assert.Contains("/status &lt;alpha&gt; for alice &amp; co", reply.Html, StringComparison.Ordinal);
        Assert.Contains("<pre>s-1  idle  &lt;none&gt;\ns-2  busy</pre>", reply.Html, StringComparison.Ordinal);
        var (caller, command, args) = Assert.Single(chat.Runs);
        Assert.Equal(("status", "chat:telegram:424242", "-1001234567890"), (command, caller.Actor, caller.ChannelId));
        Assert.Equal(["alpha"], args);
        // At start: the menu from the chat commands, and no webhook in the way of getUpdates.
        Assert.Equal(["status", "logs", "inject", "cost", "kill"], fake.Commands.Select(c => c.Command));
        Assert.Equal(1, fake.CallCount("deleteWebhook"));
        Assert.Equal("connected", host.Service<IEnumerable<IChannelStatusSource>>().Single(s => s.Status.Kind == "telegram").Status.State);
    }

    [Fact]
    public async Task Polling_InjectWithAPrompt_LastOptionTakesTheRestOfTheLine()
    {
        await using var fake = await FakeTelegram.StartAsync();
        var chat = new StubChat();
        await using var host = await StartAsync(fake, chat);

        fake.SendUserMessage(OpsChat, Alice, "/inject  s-1   please fix  the tests\nthen commit");

        await SupervisorHost.WaitUntilAsync(() => Task.FromResult(fake.Sent.Count == 1), "the reply to /inject");
        Assert.Equal(["s-1", "please fix  the tests\nthen commit"], Assert.Single(chat.Runs).Args);
    }

    [Fact]
    public async Task Polling_RestartAfterAnUpdateWasHandled_TheUpdateIsNotHandledAgain()
    {
        await using var fake = await FakeTelegram.StartAsync();
        using var temp = new TempDirectory("hal-tg");
        var chat = new StubChat();
        var first = fake.SendUserMessage(OpsChat, Alice, "/status");
        await using (var host = await StartAsync(fake, chat, reuse: temp))
        {
            await SupervisorHost.WaitUntilAsync(() => Task.FromResult(fake.Sent.Count == 1), "the reply to /status");
            // The next poll asks from the following update on: the offset was stored before it.
            await SupervisorHost.WaitUntilAsync(() => Task.FromResult(fake.PollOffsets.Contains(first + 1)),
                "a getUpdates confirming the first update");
        }
        // As if Telegram had not seen that confirmation: only the supervisor's stored offset keeps it from acting twice.
        fake.ForgetConfirmations();
        await using (var host = await StartAsync(fake, chat, reuse: temp))
        {
            fake.SendUserMessage(OpsChat, Alice, "/cost week");
            await SupervisorHost.WaitUntilAsync(() => Task.FromResult(fake.Sent.Count == 2), "the reply to /cost");
        }

        Assert.Equal(["status", "cost"], chat.Runs.Select(r => r.Command));
        Assert.Contains("Result of cost", fake.Sent[1].Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Polling_StrangersPrivateChatAndAnUnlistedGroup_RefusedPolitelyAndIgnoredNothingRun()
    {
        await using var fake = await FakeTelegram.StartAsync();
        var chat = new StubChat();
        await using var host = await StartAsync(fake, chat);

        fake.SendUserMessage(Mallory.Id, Mallory, "/kill s-1");
        fake.SendUserMessage(-42, Mallory, "/kill s-1");
        fake.SendUserMessage(Alice.Id, Alice, "/status"); // a listed user's private chat is served: the marker that the others were read

        await SupervisorHost.WaitUntilAsync(() => Task.FromResult(fake.Sent.Count == 2), "the refusal and alice's reply");
        var refusal = fake.Sent.Single(m => m.ChatId == Mallory.Id);
        Assert.Contains("not on this supervisor's list of chat users", refusal.PlainText, StringComparison.Ordinal);
        Assert.Contains("Result of status", fake.Sent.Single(m => m.ChatId == Alice.Id).PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain(fake.Sent, m => m.ChatId == -42);
        Assert.Equal("424242", Assert.Single(chat.Runs).Caller.UserId);
    }

    [Fact]
    public async Task Polling_ReplyRateLimited_WaitedOutAndSentOnce()
    {
        await using var fake = await FakeTelegram.StartAsync();
        var chat = new StubChat();
        fake.RateLimitNext("sendMessage", retryAfterSeconds: 1);
        await using var host = await StartAsync(fake, chat);

        fake.SendUserMessage(OpsChat, Alice, "/status");

        await SupervisorHost.WaitUntilAsync(() => Task.FromResult(fake.Sent.Count == 1), "the reply after the 429");
        fake.SendUserMessage(OpsChat, Alice, "/cost");
        await SupervisorHost.WaitUntilAsync(() => Task.FromResult(fake.Sent.Count == 2), "the next reply (a marker that no third one is coming)");
        Assert.Equal([429, 200, 200], fake.Calls.Where(c => c.Method == "sendMessage").Select(c => c.Status));
        Assert.Single(fake.Sent, m => m.Html.Contains("Result of status", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Polling_TokenTheBotApiRefuses_StatusDegradedAndNeverShowsTheToken()
    {
        await using var fake = await FakeTelegram.StartAsync();
        fake.Token = "987654321:AAother_token_the_fake_accepts_only_0123";
        await using var host = await StartAsync(fake, new StubChat());
        var source = host.Service<IEnumerable<IChannelStatusSource>>().Single(s => s.Status.Kind == "telegram");

        await SupervisorHost.WaitUntilAsync(() => Task.FromResult(source.Status.State == "degraded"), "the degraded status");

        Assert.Contains("401 Unauthorized", source.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeTelegram.DefaultToken.Split(':')[1], source.Status.Detail, StringComparison.Ordinal);
    }
}
