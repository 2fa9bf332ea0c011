using HalOSwarm.Supervisor.Channels.Alerts;
using HalOSwarm.Supervisor.Channels.Slack;
using HalOSwarm.Supervisor.Tests.Support;
using HalOSwarm.Testing.FakeChat.Slack;

namespace HalOSwarm.Supervisor.Tests.Channels.Slack;

/// <summary>Socket Mode against the fake: hello, envelopes acked (a command's reply in the ack), clicks, and reconnecting.</summary>
public sealed class SlackSocketModeTests
{
    private static async Task<(FakeSlack Fake, StubChat Chat, SupervisorHost Host)> StartAsync()
    {
        var fake = await FakeSlack.StartAsync();
        var chat = new StubChat();
        var host = await SupervisorHost.StartAsync(SlackConfig.Section(fake, "socket"), services: SlackConfig.Chat(chat));
        await fake.WaitForSocketsAsync(1);
        await SupervisorHost.WaitUntilAsync(() => Task.FromResult(host.Service<SlackStatus>().Status.State == "connected"), "Slack connected");
        return (fake, chat, host);
    }

    [Fact]
    public async Task SocketMode_SlashCommandEnvelope_AckedWithTheReply()
    {
        var (fake, chat, host) = await StartAsync();
        await using var _ = fake;
        await using var __ = host;

        var envelope = await fake.SendSlashCommandAsync("/hal", "inject ses_1  fix the <tests> & go", SlackConfig.UserId, SlackConfig.OpsChannel);
        var ack = await fake.WaitForAckAsync(envelope);

        var run = Assert.Single(chat.Runs);
        Assert.Equal("inject", run.Command);
        Assert.Equal(["ses_1", "fix the <tests> & go"], run.Args);
        Assert.Equal("chat:slack:" + SlackConfig.UserId, run.Caller.Actor);
        Assert.Equal(SlackConfig.OpsChannel, run.Caller.ChannelId);
        Assert.NotNull(ack.Payload);
        Assert.Equal("in_channel", ack.Payload!["response_type"]!.GetValue<string>());
        Assert.Contains("ran inject &lt;ses_1|fix the &lt;tests&gt; &amp; go&gt;", ack.Payload["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, fake.ConnectionsOpened);
    }

    [Fact]
    public async Task SocketMode_CommandRegisteredOnItsOwn_RunsThatCommand()
    {
        var (fake, chat, host) = await StartAsync();
        await using var _ = fake;
        await using var __ = host;

        var ack = await fake.WaitForAckAsync(await fake.SendSlashCommandAsync("/status", "alpha", SlackConfig.UserId, SlackConfig.OpsChannel));

        Assert.Equal("status", chat.Runs[0].Command);
        Assert.Equal(["alpha"], chat.Runs[0].Args);
        Assert.Contains("ran status", ack.Payload!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SocketMode_HalAlone_ListsTheCommandsPrivately()
    {
        var (fake, chat, host) = await StartAsync();
        await using var _ = fake;
        await using var __ = host;

        var ack = await fake.WaitForAckAsync(await fake.SendSlashCommandAsync("/hal", "", SlackConfig.UserId, SlackConfig.OpsChannel));

        Assert.Equal("ephemeral", ack.Payload!["response_type"]!.GetValue<string>());
        var text = SlackJson.Text(ack.Payload["blocks"]!);
        Assert.Contains("/hal inject &lt;session&gt; &lt;prompt&gt;", text, StringComparison.Ordinal);
        Assert.Contains("/hal status [project]", text, StringComparison.Ordinal);
        Assert.Empty(chat.Runs);
    }

    [Fact]
    public async Task SocketMode_SlowCommand_AckedAtOnceThenAnsweredOnResponseUrl()
    {
        var (fake, chat, host) = await StartAsync();
        await using var _ = fake;
        await using var __ = host;

        var ack = await fake.WaitForAckAsync(await fake.SendSlashCommandAsync("/hal", "slow", SlackConfig.UserId, SlackConfig.OpsChannel));
        var answer = await fake.WaitForResponseAsync(r => r["text"]?.GetValue<string>().Contains("slow done", StringComparison.Ordinal) == true, "the slow answer");

        Assert.Equal("ephemeral", ack.Payload!["response_type"]!.GetValue<string>());
        Assert.Contains("Working on slow", ack.Payload["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("in_channel", answer["response_type"]!.GetValue<string>());
        Assert.Single(chat.Runs);
    }

    [Fact]
    public async Task SocketMode_DisconnectEnvelope_OpensANewConnectionAndStillWorks()
    {
        var (fake, chat, host) = await StartAsync();
        await using var _ = fake;
        await using var __ = host;

        await fake.SendDisconnectAsync("refresh_requested");
        await fake.WaitForSocketsAsync(2);
        await SupervisorHost.WaitUntilAsync(() => Task.FromResult(fake.IsClosed(1)), "the first connection closed");
        var ack = await fake.WaitForAckAsync(await fake.SendSlashCommandAsync("/hal", "status", SlackConfig.UserId, SlackConfig.OpsChannel));

        Assert.Equal(2, fake.ConnectionsOpened);
        Assert.Equal(2, ack.Connection);
        Assert.Equal("status", Assert.Single(chat.Runs).Command);
        Assert.Equal("connected", host.Service<SlackStatus>().Status.State);
    }

    [Fact]
    public async Task SocketMode_SocketDropped_ReconnectsAndStillWorks()
    {
        var (fake, chat, host) = await StartAsync();
        await using var _ = fake;
        await using var __ = host;

        fake.DropSocket();
        await fake.WaitForSocketsAsync(2);
        var ack = await fake.WaitForAckAsync(await fake.SendSlashCommandAsync("/hal", "status", SlackConfig.UserId, SlackConfig.OpsChannel));

        Assert.Equal(2, fake.ConnectionsOpened);
        Assert.Equal(2, ack.Connection);
        Assert.Single(chat.Runs);
    }

    [Fact]
    public async Task SocketMode_ButtonClick_AckedActedAndMessageUpdatedInPlace()
    {
        var (fake, chat, host) = await StartAsync();
        await using var _ = fake;
        await using var __ = host;
        var sender = host.Service<IEnumerable<HalOSwarm.Supervisor.Channels.Delivery.IChannelSender>>().Single(s => s.Kind == "slack");
        var messageRef = await sender.PostAsync("#ops", SlackTestAlerts.Approval(7), CancellationToken.None);
        var ts = messageRef!.Split('/')[1];
        var button = AlertButtonId.Format(AlertActions.Deny, 7);

        var envelope = await fake.SendBlockActionAsync(SlackConfig.UserId, SlackConfig.OpsChannel, ts, button, button);
        await fake.WaitForAckAsync(envelope);
        var update = await fake.WaitForCallAsync(c => c.Method == "chat.update" && c.Error is null, "chat.update");

        Assert.Equal(button, Assert.Single(chat.Clicks).ButtonId);
        Assert.Equal("chat:slack:" + SlackConfig.UserId, chat.Clicks[0].Caller.Actor);
        Assert.Equal(ts, update.Body["ts"]!.GetValue<string>());
        Assert.DoesNotContain("\"actions\"", update.Body["blocks"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("denyd — deny by alice from slack", SlackJson.Text(update.Body["blocks"]!), StringComparison.Ordinal);

        // A second click acts on nothing: the clicker is told so, privately.
        await fake.WaitForAckAsync(await fake.SendBlockActionAsync("U0BOB00001", SlackConfig.OpsChannel, ts, button, button));
        var note = await fake.WaitForResponseAsync(r => r["response_type"]?.GetValue<string>() == "ephemeral", "the ephemeral note");

        Assert.Contains("Already answered by alice", note["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(note["replace_original"]!.GetValue<bool>());
    }
}
