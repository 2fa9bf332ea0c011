using HalOSwarm.Supervisor.Channels;
using HalOSwarm.Supervisor.Channels.Delivery;
using HalOSwarm.Supervisor.Channels.Webhooks;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Tests.Channels.Delivery;

public sealed class DeliveryReasonsTests
{
    private static readonly ChannelsOptions s_options = new()
    {
        Webhooks = { ["n8n"] = new WebhookOptions { Url = "https://n8n.example.com/webhook/7f3a9c2e", Secret = "n8n-shared-secret-0123" } },
        Telegram = { BotToken = "123456789:AAH-telegram-token-value-0123456789" },
    };

    [Theory]
    [InlineData("POST https://n8n.example.com/webhook/7f3a9c2e failed", "POST *** failed")]
    [InlineData("bad signature for n8n-shared-secret-0123", "bad signature for ***")]
    [InlineData("GET /bot123456789:AAH-telegram-token-value-0123456789/sendMessage 404", "GET /bot***/sendMessage 404")]
    [InlineData("GET /bot987654321:ZZZ-another-token-not-configured-x/x", "GET /bot***/x")]
    [InlineData("Authorization: Bearer sk-abc.def", "Authorization: Bearer ***")]
    [InlineData("slack said invalid_auth for xoxb-1234-5678-abcdef", "slack said invalid_auth for ***")]
    public void Scrub_ReasonWithSecret_Masked(string reason, string expected)
    {
        var scrubbed = new DeliveryReasons(new ChannelSecrets(Options.Create(s_options), Options.Create(new HalOSwarm.Supervisor.Configuration.ServerOptions()))).Scrub(reason);

        Assert.Equal(expected, scrubbed);
    }

    [Fact]
    public void Scrub_LongReason_CutToTheBound()
    {
        var scrubbed = new DeliveryReasons(new ChannelSecrets(Options.Create(s_options), Options.Create(new HalOSwarm.Supervisor.Configuration.ServerOptions()))).Scrub(new string('x', 2000));

        Assert.Equal(DeliveryReasons.MaxLength, scrubbed.Length);
    }

    [Fact]
    public void Backoff_Attempts_DoublesWithinJitterAndCapped()
    {
        var options = new DeliveryOptions { InitialBackoffMs = 1000, MaxBackoffSeconds = 10 };

        for (var i = 0; i < 50; i++)
        {
            Assert.InRange(DeliverySend.Backoff(options, 1).TotalMilliseconds, 750, 1250);
            Assert.InRange(DeliverySend.Backoff(options, 3).TotalMilliseconds, 3000, 5000);
            Assert.InRange(DeliverySend.Backoff(options, 20).TotalMilliseconds, 7500, 10_000);
        }
    }
}
