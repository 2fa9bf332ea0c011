using System.Net;
using System.Text.Json.Nodes;
using HalOSwarm.Ctl.Tests.Support;

namespace HalOSwarm.Ctl.Tests.Commands;

public sealed class CharterCommandTests
{
    private static JsonObject Charter(string? project) => new()
    {
        ["project"] = project,
        ["limits"] = new JsonArray(new JsonObject
        {
            ["name"] = "max_sessions_per_node",
            ["value"] = 2,
            ["key"] = project is null ? "charter.default.max_sessions_per_node" : $"charter.projects.{project}.max_sessions_per_node",
        }),
        ["tools"] = new JsonArray(new JsonObject { ["key"] = "charter.default.tools[0]", ["tool"] = "bash", ["pattern"] = "rm -rf [x]*", ["action"] = "deny" }),
    };

    [Fact]
    public async Task Show_NoProject_AllChartersWithTheirKeys()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, ApiJson.Envelope(new JsonArray(Charter(null), Charter("demo")))));

        var run = await CliRun.RunAsync(["charter", "show"], () => stub);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("/api/v1/charter", stub.Requests[0].RequestUri!.PathAndQuery);
        foreach (var text in new[] { "fleet default", "project demo", "max_sessions_per_node", "charter.projects.demo.max_sessions_per_node",
            "deny", "rm -rf [x]*", "charter.default.tools[0]" })
        {
            Assert.Contains(text, run.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Show_Project_AskedByNameEscaped()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, ApiJson.Envelope(new JsonArray(Charter("my app")))));

        var run = await CliRun.RunAsync(["--format", "json", "charter", "show", "my app"], () => stub);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("?project=my%20app", stub.Requests[0].RequestUri!.Query);
        Assert.Contains("charter.projects.my app.max_sessions_per_node", run.Out, StringComparison.Ordinal);
    }
}
