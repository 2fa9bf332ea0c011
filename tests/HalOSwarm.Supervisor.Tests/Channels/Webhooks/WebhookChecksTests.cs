using HalOSwarm.Supervisor.Channels.Delivery;
using HalOSwarm.Supervisor.Channels.Webhooks;

namespace HalOSwarm.Supervisor.Tests.Channels.Webhooks;

public sealed class WebhookChecksTests
{
    [Fact]
    public void Check_GoodWebhook_NoErrors()
    {
        var errors = new List<string>();

        WebhookChecks.Check(new() { ["n8n"] = new WebhookOptions { Url = "https://n8n.example.com/webhook/hal", Secret = "0123456789abcdef" } }, errors);

        Assert.Empty(errors);
    }

    [Fact]
    public void Check_BadNameUrlAndSecret_EachErrorWithItsKeyAndNoSecretShown()
    {
        var errors = new List<string>();

        WebhookChecks.Check(new()
        {
            ["N8N!"] = new WebhookOptions { Url = "ftp://example.com/x", Secret = "short-secret" },
            ["ops"] = new WebhookOptions { Url = "https://user:pw-in-url@example.com/hook", Secret = "" },
            ["down"] = new WebhookOptions { Url = "", Secret = "0123456789abcdef" },
        }, errors);

        Assert.Contains(errors, e => e.StartsWith("channels.webhooks.N8N!: the name", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("channels.webhooks.N8N!.url: must be an absolute http or https URL", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("channels.webhooks.N8N!.secret: required, 16", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("channels.webhooks.ops.url: must not carry credentials", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("channels.webhooks.ops.secret:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("channels.webhooks.down.url: required", StringComparison.Ordinal));
        Assert.Equal(6, errors.Count);
        Assert.DoesNotContain(errors, e => e.Contains("short-secret", StringComparison.Ordinal) || e.Contains("pw-in-url", StringComparison.Ordinal));
    }

    [Fact]
    public void DeliveryChecks_OutOfRange_EachErrorWithItsKey()
    {
        var errors = new List<string>();

        DeliveryChecks.Check(new DeliveryOptions { MaxAttempts = 0, InitialBackoffMs = 5, MaxBackoffSeconds = 0, TimeoutSeconds = 0 }, errors);

        Assert.Equal(
            ["channels.delivery.max_attempts", "channels.delivery.initial_backoff_ms", "channels.delivery.max_backoff_seconds", "channels.delivery.timeout_seconds"],
            errors.Select(e => e[..e.IndexOf(':', StringComparison.Ordinal)]));
    }
}
