using HalOSwarm.Supervisor.Channels.Alerts;
using HalOSwarm.Supervisor.Channels.Delivery;
using HalOSwarm.Supervisor.Tests.Support;
using HalOSwarm.Testing.FakeChat.Slack;

namespace HalOSwarm.Supervisor.Tests.Channels.Slack;

/// <summary>Alerts as Block Kit on the fake: escaped text, buttons carrying the alert's button id, updates without buttons, Slack's refusals.</summary>
public sealed class SlackSenderTests
{
    private static async Task<(FakeSlack Fake, SupervisorHost Host, IChannelSender Sender)> StartAsync()
    {
        var fake = await FakeSlack.StartAsync();
        var host = await SupervisorHost.StartAsync(SlackConfig.Section(fake, "http"));
        return (fake, host, host.Service<IEnumerable<IChannelSender>>().Single(s => s.Kind == "slack"));
    }

    [Fact]
    public async Task Post_ApprovalAlert_BlockKitWithEscapedTextAndButtons()
    {
        var (fake, host, sender) = await StartAsync();
        await using var _ = fake;
        await using var __ = host;

        var messageRef = await sender.PostAsync("#ops", SlackTestAlerts.Approval(7) with { OpenUrl = "https://hal.example.com/sessions/ses_1" }, CancellationToken.None);

        var call = Assert.Single(fake.Calls);
        Assert.Equal($"{SlackConfig.OpsChannel}/{call.Ts}", messageRef);
        Assert.Equal(fake.BotToken, call.Token);
        Assert.Equal("application/json; charset=utf-8", call.ContentType);
        var blocks = call.Body["blocks"]!.AsArray();
        Assert.Equal("header", blocks[0]!["type"]!.GetValue<string>());
        Assert.Equal("bash: rm -rf build &amp;&amp; echo &lt;done&gt;", blocks[1]!["text"]!["text"]!.GetValue<string>());
        Assert.Equal("*Session*\nses_1", blocks[2]!["fields"]![0]!["text"]!.GetValue<string>());
        var buttons = blocks.Single(b => b!["type"]!.GetValue<string>() == "actions")!["elements"]!.AsArray();
        Assert.Equal(["hal:approve:7", "hal:deny:7", "hal-open:7"], buttons.Select(b => b!["action_id"]!.GetValue<string>()));
        Assert.Equal("hal:approve:7", buttons[0]!["value"]!.GetValue<string>());
        Assert.Equal(["primary", "danger"], buttons.Take(2).Select(b => b!["style"]!.GetValue<string>()));
        Assert.Equal("https://hal.example.com/sessions/ses_1", buttons[2]!["url"]!.GetValue<string>());
        Assert.Contains("ses_1 asks to run a command", call.Body["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(sender.Knows("ops") && sender.Knows("#ops") && !sender.Knows("nowhere"));
        Assert.Equal(TimeSpan.FromSeconds(1), sender.MinInterval);
    }

    [Fact]
    public async Task Update_AnsweredAlert_ReplacedWithoutButtons()
    {
        var (fake, host, sender) = await StartAsync();
        await using var _ = fake;
        await using var __ = host;
        var alert = SlackTestAlerts.Approval(8);
        var messageRef = await sender.PostAsync("ops", alert, CancellationToken.None);

        await sender.UpdateAsync("ops", messageRef!, alert with
        {
            Answer = new AlertAnswer(AlertActions.Approve, "chat:slack:U1", "alice", "slack", alert.At, "approved once"),
        }, CancellationToken.None);

        var update = fake.Calls.Single(c => c.Method == "chat.update");
        Assert.Null(update.Error);
        Assert.Equal(messageRef!.Split('/')[1], update.Body["ts"]!.GetValue<string>());
        Assert.DoesNotContain("\"actions\"", update.Body["blocks"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("approved once — approve by alice from slack", SlackJson.Text(update.Body["blocks"]!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_RateLimited_ThrowsWithSlacksRetryAfter()
    {
        var (fake, host, sender) = await StartAsync();
        await using var _ = fake;
        await using var __ = host;
        fake.RateLimitNext("chat.postMessage", 2);

        var refused = await Assert.ThrowsAsync<ChannelDeliveryException>(() => sender.PostAsync("ops", SlackTestAlerts.Approval(1), CancellationToken.None));
        var posted = await sender.PostAsync("ops", SlackTestAlerts.Approval(1), CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(2), refused.RetryAfter);
        Assert.False(refused.Permanent);
        Assert.NotNull(posted);
        Assert.Single(fake.Calls, c => c.Status == 200 && c.Error is null);
    }

    [Fact]
    public async Task Post_ChannelNotFound_PermanentAndNoSecretInTheReason()
    {
        var (fake, host, sender) = await StartAsync();
        await using var _ = fake;
        await using var __ = host;
        fake.MissingChannels.Add("C0GONE0001");

        var refused = await Assert.ThrowsAsync<ChannelDeliveryException>(() => sender.PostAsync("gone", SlackTestAlerts.Approval(1), CancellationToken.None));

        Assert.True(refused.Permanent);
        Assert.Equal("slack chat.postMessage: channel_not_found", refused.Message);
        Assert.DoesNotContain(fake.BotToken, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_LongTexts_CutToSlacksLimits()
    {
        var (fake, host, sender) = await StartAsync();
        await using var _ = fake;
        await using var __ = host;
        var alert = SlackTestAlerts.Approval(2) with
        {
            Text = new string('&', 2999),
            Actions = [new AlertAction(AlertActions.Resume, new string('R', 200), "secondary")],
        };

        await sender.PostAsync("ops", alert, CancellationToken.None);

        var blocks = Assert.Single(fake.Calls).Body["blocks"]!.AsArray();
        var text = blocks[1]!["text"]!["text"]!.GetValue<string>();
        Assert.True(text.Length <= 3000 && text.EndsWith("&amp;…", StringComparison.Ordinal), text[^10..]);
        var button = blocks.Single(b => b!["type"]!.GetValue<string>() == "actions")!["elements"]![0]!;
        Assert.Equal(75, button["text"]!["text"]!.GetValue<string>().Length);
        Assert.Null(button["style"]);
    }
}
