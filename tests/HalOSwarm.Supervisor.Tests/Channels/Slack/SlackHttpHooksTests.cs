using System.Net;
using System.Text.Json;
using HalOSwarm.Supervisor.Channels.Alerts;
using HalOSwarm.Supervisor.Channels.Delivery;
using HalOSwarm.Supervisor.Tests.Support;
using HalOSwarm.Testing.FakeChat.Slack;

namespace HalOSwarm.Supervisor.Tests.Channels.Slack;

/// <summary>HTTP mode: signed slash commands and clicks; anything unsigned, mis-signed or older than 5 minutes gets 401 and does nothing.</summary>
public sealed class SlackHttpHooksTests
{
    private const string CommandsPath = "/api/v1/channels/slack/commands";
    private const string InteractionsPath = "/api/v1/channels/slack/interactions";

    private static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    private static string CommandForm(FakeSlack fake, string command, string text) =>
        FakeSlackPayloads.Form(FakeSlackPayloads.SlashCommand(command, text, SlackConfig.UserId, SlackConfig.OpsChannel, fake.ResponseUrl()));

    private static async Task<(int Status, string Body)> PostAsync(SupervisorHost host, string path, string body, long timestamp, string? signature = null)
    {
        using var client = new HttpClient { BaseAddress = host.Api.BaseAddress };
        using var request = FakeSlackSigner.SignedPost(path, SlackConfig.SigningSecret, timestamp, body, signature);
        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Command_Signed_RunsAndAnswersInline()
    {
        await using var fake = await FakeSlack.StartAsync();
        var chat = new StubChat();
        await using var host = await SupervisorHost.StartAsync(SlackConfig.Section(fake, "http"), services: SlackConfig.Chat(chat));

        var (status, body) = await PostAsync(host, CommandsPath, CommandForm(fake, "/hal", "status alpha"), Now);

        Assert.Equal(200, status);
        var reply = JsonDocument.Parse(body).RootElement;
        Assert.Equal("in_channel", reply.GetProperty("response_type").GetString());
        Assert.Contains("ran status &lt;alpha&gt;", reply.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("header", reply.GetProperty("blocks")[0].GetProperty("type").GetString());
        var run = Assert.Single(chat.Runs);
        Assert.Equal(("status", "chat:slack:" + SlackConfig.UserId), (run.Command, run.Caller.Actor));
    }

    [Fact]
    public async Task Command_OlderThanFiveMinutes_401AndNothingDone()
    {
        await using var fake = await FakeSlack.StartAsync();
        var chat = new StubChat();
        await using var host = await SupervisorHost.StartAsync(SlackConfig.Section(fake, "http"), services: SlackConfig.Chat(chat));

        var (status, body) = await PostAsync(host, CommandsPath, CommandForm(fake, "/hal", "status"), Now - 301);
        var (later, _) = await PostAsync(host, CommandsPath, CommandForm(fake, "/hal", "inject ses_1 hi"), Now);

        Assert.Equal(401, status);
        Assert.Contains("5 minutes", body, StringComparison.Ordinal);
        Assert.Equal(200, later);
        Assert.Equal("inject", Assert.Single(chat.Runs).Command);
    }

    [Fact]
    public async Task CommandAndInteraction_BadOrMissingSignature_401AndNothingDone()
    {
        await using var fake = await FakeSlack.StartAsync();
        var chat = new StubChat();
        await using var host = await SupervisorHost.StartAsync(SlackConfig.Section(fake, "http"), services: SlackConfig.Chat(chat));
        var form = CommandForm(fake, "/hal", "status");
        var click = FakeSlackPayloads.Form(new Dictionary<string, string>
        {
            ["payload"] = FakeSlackPayloads.BlockActions(SlackConfig.UserId, SlackConfig.OpsChannel, "1.2", "hal:deny:3", "hal:deny:3", fake.ResponseUrl()).ToJsonString(),
        });

        var wrongSecret = await PostAsync(host, CommandsPath, form, Now, FakeSlackSigner.Sign("not-the-secret-0123456789", Now, form));
        var tampered = await PostAsync(host, CommandsPath, form + "x", Now, FakeSlackSigner.Sign(SlackConfig.SigningSecret, Now, form));
        var unsignedClick = await PostAsync(host, InteractionsPath, click, Now, "v0=");

        Assert.Equal([401, 401, 401], new[] { wrongSecret.Status, tampered.Status, unsignedClick.Status });
        Assert.Empty(chat.Runs);
        Assert.Empty(chat.Clicks);
        Assert.DoesNotContain(SlackConfig.SigningSecret, wrongSecret.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_SignedButNotACommand_400()
    {
        await using var fake = await FakeSlack.StartAsync();
        var chat = new StubChat();
        await using var host = await SupervisorHost.StartAsync(SlackConfig.Section(fake, "http"), services: SlackConfig.Chat(chat));

        var (status, _) = await PostAsync(host, CommandsPath, "text=status", Now);

        Assert.Equal(400, status);
        Assert.Empty(chat.Runs);
    }

    [Fact]
    public async Task Interaction_SignedButtonClick_ActedAndMessageUpdatedInPlace()
    {
        await using var fake = await FakeSlack.StartAsync();
        var chat = new StubChat();
        await using var host = await SupervisorHost.StartAsync(SlackConfig.Section(fake, "http"), services: SlackConfig.Chat(chat));
        var sender = host.Service<IEnumerable<IChannelSender>>().Single(s => s.Kind == "slack");
        var ts = (await sender.PostAsync("ops", SlackTestAlerts.Approval(9), CancellationToken.None))!.Split('/')[1];
        var button = AlertButtonId.Format(AlertActions.Approve, 9);
        var click = FakeSlackPayloads.Form(new Dictionary<string, string>
        {
            ["payload"] = FakeSlackPayloads.BlockActions(SlackConfig.UserId, SlackConfig.OpsChannel, ts, button, button, fake.ResponseUrl()).ToJsonString(),
        });

        var (status, _) = await PostAsync(host, InteractionsPath, click, Now);
        var update = await fake.WaitForCallAsync(c => c.Method == "chat.update", "chat.update");

        Assert.Equal(200, status);
        Assert.Equal(button, Assert.Single(chat.Clicks).ButtonId);
        Assert.Equal(ts, update.Body["ts"]!.GetValue<string>());
        Assert.DoesNotContain("\"actions\"", update.Body["blocks"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hooks_SlackInSocketMode_404()
    {
        await using var fake = await FakeSlack.StartAsync();
        await using var host = await SupervisorHost.StartAsync(SlackConfig.Section(fake, "socket"), services: SlackConfig.Chat(new StubChat()));

        var (status, _) = await PostAsync(host, CommandsPath, CommandForm(fake, "/hal", "status"), Now);

        Assert.Equal((int)HttpStatusCode.NotFound, status);
    }
}
