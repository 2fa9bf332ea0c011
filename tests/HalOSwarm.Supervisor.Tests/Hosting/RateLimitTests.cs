using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using HalOSwarm.Supervisor.Tests.Support;

namespace HalOSwarm.Supervisor.Tests.Hosting;

/// <summary><c>server.rate_limit</c>: token buckets per token and per address on the API port, 429 with Retry-After.</summary>
public sealed class RateLimitTests
{
    private static Action<JsonObject> Limits(int tokenBurst, int addressBurst) => config =>
        config["server"]!["rate_limit"] = new JsonObject
        {
            ["token_per_sec"] = 1,
            ["token_burst"] = tokenBurst,
            ["address_per_sec"] = 1,
            ["address_burst"] = addressBurst,
        };

    [Fact]
    public async Task OneToken_OverItsBurst_429RateLimitedWithRetryAfterOtherTokenAndProbesServed()
    {
        await using var host = await SupervisorHost.StartAsync(Limits(tokenBurst: 3, addressBurst: 10_000));

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await host.Api.GetAsync("/api/v1/nodes")).StatusCode);
        }
        using var refused = await FirstRefusalAsync(host.Api, "/api/v1/nodes");

        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.ToString());
        using (var body = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()))
        {
            Assert.Equal("rate_limited", body.RootElement.GetProperty("code").GetString());
        }
        // Another token has a bucket of its own (this one is wrong, so the answer is 401, not 429).
        using var other = new HttpClient { BaseAddress = host.Api.BaseAddress };
        other.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "another-token-0123456789");
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/v1/nodes")).StatusCode);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await host.Api.GetAsync("/healthz")).StatusCode);
        }
    }

    [Fact]
    public async Task OneAddress_ManyRequestsWithoutToken_429ThenTheAgentPortStillServes()
    {
        await using var host = await SupervisorHost.StartAsync(Limits(tokenBurst: 10_000, addressBurst: 5));
        using var anonymous = new HttpClient { BaseAddress = host.Api.BaseAddress };

        using var refused = await FirstRefusalAsync(anonymous, "/api/v1/nodes");

        Assert.NotNull(refused.Headers.RetryAfter);
        await using var agent = await TestAgent.ConnectAsync(host, "node-rl", []);
    }

    private static async Task<HttpResponseMessage> FirstRefusalAsync(HttpClient client, string path)
    {
        for (var i = 0; i < 100; i++)
        {
            var response = await client.GetAsync(path);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return response;
            }
            response.Dispose();
        }
        throw new Xunit.Sdk.XunitException("100 requests at once were never limited");
    }
}
