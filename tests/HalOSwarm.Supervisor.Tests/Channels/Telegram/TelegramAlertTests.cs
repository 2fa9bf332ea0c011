using HalOSwarm.Supervisor.Channels.Delivery;
using HalOSwarm.Supervisor.Tests.Support;
using HalOSwarm.Testing.FakeChat.Telegram;
using static HalOSwarm.Supervisor.Tests.Channels.Telegram.TelegramTestConfig;

namespace HalOSwarm.Supervisor.Tests.Channels.Telegram;

/// <summary>Alerts as Telegram messages with inline keyboards, clicks on them, and the sender's answers to the outbox.</summary>
public sealed class TelegramAlertTests
{
    [Fact]
    public async Task Sender_PostAlert_EscapedHtmlWithButtonsAndOpenLink_RefIsChatSlashMessage()
    {
        await using var fake = await FakeTelegram.StartAsync();
        await using var host = await StartAsync(fake, new StubChat());
        var sender = Sender(host);

        var messageRef = await sender.PostAsync("ops", IdleAlert(42), CancellationToken.None);

        var message = Assert.Single(fake.Sent);
        Assert.Equal($"{OpsChat}/{message.MessageId}", messageRef);
        Assert.Contains("<b>Session s-1 &lt;alpha&gt; idle for 10 min</b>", message.Html, StringComparison.Ordinal);
        Assert.Contains("Waiting for input &amp; doing nothing.", message.Html, StringComparison.Ordinal);
        Assert.Contains("<b>Project: </b>alpha", message.Html, StringComparison.Ordinal);
        Assert.Equal(["hal:resume:42", "hal:kill:42"], message.CallbackData);
        Assert.Equal(["https://hal.test.invalid/sessions/s-1"], message.Urls);
        Assert.True(sender.Knows("ops"));
        Assert.False(sender.Knows("dev"));
        Assert.Equal(TimeSpan.FromSeconds(1), sender.MinInterval);
    }

    [Fact]
    public async Task Callback_ClickOnResume_ActsAnswersTheQueryAndEditsTheMessageWithoutButtons()
    {
        await using var fake = await FakeTelegram.StartAsync();
        var chat = new StubChat();
        await using var host = await StartAsync(fake, chat);
        await Sender(host).PostAsync("ops", IdleAlert(42), CancellationToken.None);
        var message = Assert.Single(fake.Sent);

        fake.Click(Alice, message, message.CallbackData[0]);

        await SupervisorHost.WaitUntilAsync(() => Task.FromResult(fake.Edits.Count == 1), "the edit of the alert");
        var (caller, buttonId) = Assert.Single(chat.Clicks);
        Assert.Equal(("chat:telegram:424242", "hal:resume:42"), (caller.Actor, buttonId));
        Assert.Equal("Resumed.", Assert.Single(fake.CallbackAnswers).Text);
        var edit = fake.Edits[0];
        Assert.Equal((OpsChat, message.MessageId), (edit.ChatId, edit.MessageId));
        Assert.Null(edit.ReplyMarkup);
        Assert.Contains("resumed (by alice from Telegram at", edit.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sender_RateLimited_DeliveryExceptionWithRetryAfterNothingSent_ThenUpdateEditsInPlace()
    {
        await using var fake = await FakeTelegram.StartAsync();
        await using var host = await StartAsync(fake, new StubChat());
        var sender = Sender(host);
        fake.RateLimitNext("sendMessage", retryAfterSeconds: 7);

        var refused = await Assert.ThrowsAsync<ChannelDeliveryException>(() => sender.PostAsync("ops", IdleAlert(7), CancellationToken.None));
        Assert.Empty(fake.Sent);
        var messageRef = await sender.PostAsync("ops", IdleAlert(7), CancellationToken.None);
        var answered = IdleAlert(7) with
        {
            Answer = new("kill", "chat:slack:U1", "bob", "slack", DateTimeOffset.UtcNow, "killed"),
        };
        await sender.UpdateAsync("ops", messageRef!, answered, CancellationToken.None);
        await sender.UpdateAsync("ops", messageRef!, answered, CancellationToken.None); // the same again: Telegram's "not modified" is no failure

        Assert.Equal((TimeSpan.FromSeconds(7), false), (refused.RetryAfter, refused.Permanent));
        var edit = Assert.Single(fake.Edits);
        Assert.Contains("killed (by bob from Slack", edit.PlainText, StringComparison.Ordinal);
        Assert.Null(edit.ReplyMarkup);
    }

    [Fact]
    public async Task Sender_TokenRefused_PermanentFailureWithoutTheToken()
    {
        await using var fake = await FakeTelegram.StartAsync();
        fake.Token = "987654321:AAother_token_the_fake_accepts_only_0123";
        await using var host = await StartAsync(fake, new StubChat());

        var refused = await Assert.ThrowsAsync<ChannelDeliveryException>(() => Sender(host).PostAsync("ops", IdleAlert(1), CancellationToken.None));

        Assert.True(refused.Permanent);
        Assert.Contains("401 Unauthorized", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeTelegram.DefaultToken.Split(':')[1], refused.ToString(), StringComparison.Ordinal);
    }

    private static IChannelSender Sender(SupervisorHost host) =>
        host.Service<IEnumerable<IChannelSender>>().Single(s => s.Kind == ChannelKinds.Telegram);
}
