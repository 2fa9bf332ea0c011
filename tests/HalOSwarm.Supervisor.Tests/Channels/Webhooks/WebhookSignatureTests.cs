using System.Text;
using HalOSwarm.Supervisor.Channels.Webhooks;

namespace HalOSwarm.Supervisor.Tests.Channels.Webhooks;

public sealed class WebhookSignatureTests
{
    /// <summary>The worked example of docs/CHANNELS.md, "Webhooks": a receiver computing it gets the same value.</summary>
    [Fact]
    public void Sign_DocumentedExample_MatchesTheDocs()
    {
        var body = Encoding.UTF8.GetBytes("""{"delivery_id":42,"alert_id":7,"op":"post"}""");

        var signature = WebhookSignature.Sign("n8n-shared-secret-0123", 1764240000, body);

        Assert.Equal("sha256=9c4bc5d96c71051e4f8c6feeff0333df461ca0f1ea676258e7b4ac42449e20a6", signature);
        var docs = File.ReadAllText(Path.Combine(HalOSwarm.Testing.RepoPaths.Root, "docs", "CHANNELS.md"));
        Assert.Contains(signature, docs, StringComparison.Ordinal);
        Assert.Contains("""{"delivery_id":42,"alert_id":7,"op":"post"}""", docs, StringComparison.Ordinal);
    }

    [Fact]
    public void Sign_OtherTimestampOrSecret_Differs()
    {
        var body = Encoding.UTF8.GetBytes("{}");

        var signature = WebhookSignature.Sign("n8n-shared-secret-0123", 1, body);

        Assert.NotEqual(signature, WebhookSignature.Sign("n8n-shared-secret-0123", 2, body));
        Assert.NotEqual(signature, WebhookSignature.Sign("n8n-shared-secret-0124", 1, body));
    }
}
