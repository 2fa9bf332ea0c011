using System.Net;
using System.Text;
using HalOSwarm.Supervisor.Tests.Support;
using HalOSwarm.Testing.FakeChat.Telegram;
using static HalOSwarm.Supervisor.Tests.Channels.Telegram.TelegramTestConfig;

namespace HalOSwarm.Supervisor.Tests.Channels.Telegram;

/// <summary><c>mode: webhook</c>: the supervisor registers its webhook and acts only on updates carrying the secret.</summary>
public sealed class TelegramWebhookTests
{
    [Fact]
    public async Task Webhook_WithoutOrWithAWrongSecret_401AndNothingDone_WithTheSecretHandled()
    {
        await using var fake = await FakeTelegram.StartAsync();
        var chat = new StubChat();
        await using var host = await StartAsync(fake, chat, mode: "webhook");
        await SupervisorHost.WaitUntilAsync(() => Task.FromResult(fake.WebhookUrl is not null), "setWebhook at start");
        Assert.Equal((WebhookUrl, WebhookSecret), (fake.WebhookUrl, fake.WebhookSecret));
        var endpoint = new Uri($"http://127.0.0.1:{host.HttpPort}/api/v1/channels/telegram/webhook");

        var without = await FakeTelegram.PostToWebhookAsync(endpoint, fake.NewMessageUpdate(OpsChat, Alice, "/kill s-1"), secret: null);
        var wrong = await FakeTelegram.PostToWebhookAsync(endpoint, fake.NewMessageUpdate(OpsChat, Alice, "/kill s-2"), secret: WebhookSecret + "x");
        var right = await FakeTelegram.PostToWebhookAsync(endpoint, fake.NewMessageUpdate(OpsChat, Alice, "/cost today"), secret: WebhookSecret);

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.OK), (without, wrong, right));
        await SupervisorHost.WaitUntilAsync(() => Task.FromResult(fake.Sent.Count == 1), "the reply to /cost");
        Assert.Equal("cost", Assert.Single(chat.Runs).Command);
        Assert.Contains("Result of cost", fake.Sent[0].PlainText, StringComparison.Ordinal);
        Assert.Equal(0, fake.CallCount("getUpdates"));
    }

    [Fact]
    public async Task Webhook_SameUpdateDeliveredTwice_HandledOnce()
    {
        await using var fake = await FakeTelegram.StartAsync();
        var chat = new StubChat();
        await using var host = await StartAsync(fake, chat, mode: "webhook");
        var endpoint = new Uri($"http://127.0.0.1:{host.HttpPort}/api/v1/channels/telegram/webhook");
        var update = fake.NewMessageUpdate(OpsChat, Alice, "/status");

        Assert.Equal(HttpStatusCode.OK, await FakeTelegram.PostToWebhookAsync(endpoint, update, WebhookSecret));
        Assert.Equal(HttpStatusCode.OK, await FakeTelegram.PostToWebhookAsync(endpoint, update, WebhookSecret));
        Assert.Equal(HttpStatusCode.OK, await FakeTelegram.PostToWebhookAsync(endpoint, fake.NewMessageUpdate(OpsChat, Alice, "/cost"), WebhookSecret));

        await SupervisorHost.WaitUntilAsync(() => Task.FromResult(fake.Sent.Count == 2), "the replies to /status and /cost");
        Assert.Equal(["status", "cost"], chat.Runs.Select(r => r.Command));
    }

    [Fact]
    public async Task Webhook_MalformedBodyWithTheSecret_400NothingDone()
    {
        await using var fake = await FakeTelegram.StartAsync();
        var chat = new StubChat();
        await using var host = await StartAsync(fake, chat, mode: "webhook");
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{host.HttpPort}/api/v1/channels/telegram/webhook")
        {
            Content = new StringContent("{\"update_id\": \"not a number\"", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", WebhookSecret);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(chat.Runs);
    }

    [Fact]
    public async Task Webhook_InPollingMode_404NothingDone()
    {
        await using var fake = await FakeTelegram.StartAsync();
        var chat = new StubChat();
        await using var host = await StartAsync(fake, chat);
        var endpoint = new Uri($"http://127.0.0.1:{host.HttpPort}/api/v1/channels/telegram/webhook");

        var status = await FakeTelegram.PostToWebhookAsync(endpoint, fake.NewMessageUpdate(OpsChat, Alice, "/kill s-1"), secret: "anything");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Empty(chat.Runs);
    }
}
