using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace HalOSwarm.Testing.FakeChat.Slack;

/// <summary>Signs a request body as Slack does for HTTP mode: <c>v0=</c> + hex HMAC-SHA256(secret, <c>v0:TIMESTAMP:BODY</c>).</summary>
public static class FakeSlackSigner
{
    public static string Sign(string secret, long timestamp, string body) =>
        "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret),
            Encoding.UTF8.GetBytes("v0:" + timestamp.ToString(CultureInfo.InvariantCulture) + ":" + body)));

    /// <summary>A form POST with Slack's headers (<c>X-Slack-Request-Timestamp</c>, <c>X-Slack-Signature</c>).</summary>
    public static HttpRequestMessage SignedPost(string url, string secret, long timestamp, string body, string? signature = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-Slack-Signature", signature ?? Sign(secret, timestamp, body));
        return request;
    }
}
