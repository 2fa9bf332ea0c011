using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using HalOSwarm.Ctl.Tests.Support;

namespace HalOSwarm.Ctl.Tests.Commands;

public sealed class AuditCommandTests
{
    private static JsonObject Entry(long id, string actor, string action, string result, string? error = null) => new()
    {
        ["id"] = id,
        ["at"] = "2025-06-01T11:58:00Z",
        ["actor"] = actor,
        ["action"] = action,
        ["target"] = "ses_1",
        ["args"] = new JsonObject { ["token"] = "***" },
        ["result"] = result,
        ["error"] = error,
        ["duration_ms"] = 120,
        ["source_address"] = "127.0.0.1",
        ["command_id"] = $"cmd_{id}",
    };

    [Fact]
    public async Task List_TableFormat_ShowsActorActionResultAndDuration()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, ApiJson.Envelope(new JsonArray(
            Entry(2, "api:admin/cli:alice", "command.kill", "succeeded"),
            Entry(1, "policy:stuck", "command.abort", "failed", "node node-1 was offline for 60 s")))));

        var run = await CliRun.RunAsync(["audit", "list"], () => stub);

        Assert.Equal(0, run.ExitCode);
        foreach (var text in new[] { "AT", "ACTOR", "ACTION", "TARGET", "RESULT", "DURATION", "2025-06-01 11:58:00Z", "api:admin/cli:alice",
            "command.kill", "succeeded", "120 ms", "cmd_2", "policy:stuck", "failed", "node node-1 was offline for 60 s" })
        {
            Assert.Contains(text, run.Out, StringComparison.Ordinal);
        }
        Assert.Equal("/api/v1/audit", stub.Requests[0].RequestUri!.PathAndQuery);
    }

    [Fact]
    public async Task List_Filters_PassedAsQueryWithRelativeSinceResolved()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, ApiJson.Envelope(new JsonArray())));

        var run = await CliRun.RunAsync(
            ["audit", "list", "--actor", "cli:alice", "--action", "command", "--target", "ses_1", "--since", "2h", "--until", "2025-06-01T11:30:00Z", "--limit", "5"],
            () => stub);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("no audit entries\n", run.Out.ReplaceLineEndings("\n"));
        Assert.Equal("?actor=cli%3Aalice&action=command&target=ses_1&since=2025-06-01T10%3A00%3A00.000Z&until=2025-06-01T11%3A30%3A00.000Z&limit=5",
            stub.Requests[0].RequestUri!.Query);
    }

    [Fact]
    public async Task List_JsonAll_MergesPages()
    {
        var stub = new StubHandler(request => StubHandler.Json(HttpStatusCode.OK, request.RequestUri!.Query.Contains("cursor=c2", StringComparison.Ordinal)
            ? ApiJson.Envelope(new JsonArray(Entry(1, "api:admin", "command.start", "succeeded")))
            : ApiJson.Envelope(new JsonArray(Entry(2, "api:admin", "command.kill", "pending")), nextCursor: "c2")));

        var run = await CliRun.RunAsync(["audit", "list", "--all", "-o", "json"], () => stub);

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.Out);
        Assert.Equal([2L, 1L], document.RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetInt64()));
    }

    [Theory]
    [InlineData("--since", "yesterday")]
    [InlineData("--limit", "0")]
    public async Task List_InvalidOption_ExitsTwo(string option, string value)
    {
        var run = await CliRun.RunAsync(["audit", "list", option, value], () => new StubHandler(_ => throw new InvalidOperationException("no request")));

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Error.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'));
    }
}
