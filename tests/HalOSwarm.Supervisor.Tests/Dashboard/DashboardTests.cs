using HalOSwarm.Supervisor.Tests.Support;

namespace HalOSwarm.Supervisor.Tests.Dashboard;

public sealed class DashboardTests
{
    [Fact]
    public async Task Root_NoToken_ServesSelfContainedPageWithoutSecrets()
    {
        await using var host = await SupervisorHost.StartAsync();
        using var client = new HttpClient { BaseAddress = host.Api.BaseAddress };

        using var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>HAL-O-SWARM</title>", html, StringComparison.Ordinal);
        Assert.Contains("/api/v1/sessions", html, StringComparison.Ordinal);
        Assert.DoesNotContain(SupervisorHost.Token, html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal);
    }
}
