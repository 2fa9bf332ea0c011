using System.Net;
using System.Text.Json.Nodes;
using HalOSwarm.Ctl.Tests.Support;

namespace HalOSwarm.Ctl.Tests.Commands;

public sealed class DashboardCommandTests
{
    [Fact]
    public async Task Link_TableFormat_PostsAndPrintsOnlyTheUrlOnStandardOutput()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, ApiJson.Envelope(new JsonObject
        {
            ["url"] = "http://127.0.0.1:8421/auth/link/abc",
            ["expires_at"] = "2025-06-01T12:15:00Z",
        })));

        var run = await CliRun.RunAsync(["dashboard", "link"], () => stub);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("http://127.0.0.1:8421/auth/link/abc", run.Out.Trim());
        Assert.Contains("valid until 2025-06-01 12:15:00 UTC", run.Error, StringComparison.Ordinal);
        var request = Assert.Single(stub.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/api/v1/dashboard/links", request.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task Link_NodeToken_ForbiddenExitsNonZeroWithTheReason()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.Forbidden, (new JsonObject
        {
            ["error"] = "POST /api/v1/dashboard/links needs a token with the role viewer or operator or admin; this is a node token",
            ["code"] = "forbidden",
        }).ToJsonString()));

        var run = await CliRun.RunAsync(["dashboard", "link"], () => stub);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Contains("node token", run.Error, StringComparison.Ordinal);
    }
}
