using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using HalOSwarm.Ctl.Tests.Support;

namespace HalOSwarm.Ctl.Tests.Commands;

public sealed class CommandsCommandTests
{
    private static JsonObject Failed(string id)
    {
        var command = ApiJson.Command(id, "kill", "ses_2");
        command["state"] = "failed";
        command["error"] = "node node-1 was offline for 60 s";
        command["error_code"] = "node_offline";
        command["actor"] = "api:admin/cli:alice";
        command["idempotency_key"] = "k-9";
        command["correlation_id"] = "deploy-42";
        command["attempts"] = 0;
        return command;
    }

    [Fact]
    public async Task List_TableFormat_ShowsStateActorAndError()
    {
        var ok = ApiJson.Command("cmd_1", "start", "ses_1");
        ok["actor"] = "policy:resume_on_idle";
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, ApiJson.Envelope(new JsonArray(ok, Failed("cmd_2")))));

        var run = await CliRun.RunAsync(["commands", "list"], () => stub);

        Assert.Equal(0, run.ExitCode);
        foreach (var text in new[] { "ID", "TYPE", "STATE", "SESSION", "ACTOR", "CREATED", "ERROR", "cmd_1", "ses_1", "succeeded",
            "policy:resume_on_idle", "cmd_2", "failed", "api:admin/cli:alice", "node node-1 was offline for 60 s", "2s ago" })
        {
            Assert.Contains(text, run.Out, StringComparison.Ordinal);
        }
        Assert.Equal("/api/v1/commands", stub.Requests[0].RequestUri!.PathAndQuery);
    }

    [Fact]
    public async Task List_FiltersAndAll_PassesQueryAndMergesPages()
    {
        var stub = new StubHandler(request => StubHandler.Json(HttpStatusCode.OK, request.RequestUri!.Query.Contains("cursor=c2", StringComparison.Ordinal)
            ? ApiJson.Envelope(new JsonArray(ApiJson.Command("cmd_2", "prompt", "ses_1")))
            : ApiJson.Envelope(new JsonArray(ApiJson.Command("cmd_1", "prompt", "ses_1")), nextCursor: "c2")));

        var run = await CliRun.RunAsync(
            ["commands", "list", "--session", "ses_1", "--state", "succeeded", "--node", "node-1", "--type", "prompt", "--limit", "1", "--all", "-o", "json"], () => stub);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(2, stub.Requests.Count);
        Assert.Equal("?session_id=ses_1&state=succeeded&node_id=node-1&type=prompt&limit=1", stub.Requests[0].RequestUri!.Query);
        using var document = JsonDocument.Parse(run.Out);
        Assert.Equal(["cmd_1", "cmd_2"], document.RootElement.EnumerateArray().Select(c => c.GetProperty("command_id").GetString()));
    }

    [Fact]
    public async Task List_MorePages_HintsOnStderr()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, ApiJson.Envelope(new JsonArray(ApiJson.Command("cmd_1", "kill", "s")), nextCursor: "c2")));

        var run = await CliRun.RunAsync(["commands", "list"], () => stub);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("(more commands: use --all to list every page)\n", run.Error.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("--state", "done")]
    [InlineData("--type", "reboot")]
    [InlineData("--limit", "5000")]
    public async Task List_InvalidOption_ExitsTwo(string option, string value)
    {
        var run = await CliRun.RunAsync(["commands", "list", option, value], () => new StubHandler(_ => throw new InvalidOperationException("no request")));

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Error.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task Get_TableFormat_ShowsEveryField()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, ApiJson.Envelope(Failed("cmd_9"))));

        var run = await CliRun.RunAsync(["commands", "get", "cmd_9"], () => stub);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("/api/v1/commands/cmd_9", stub.Requests[0].RequestUri!.PathAndQuery);
        var lines = run.Out.ReplaceLineEndings("\n").Split('\n').Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries))).ToList();
        Assert.Contains("command cmd_9", lines);
        Assert.Contains("state failed", lines);
        Assert.Contains("actor api:admin/cli:alice", lines);
        Assert.Contains("idempotency key k-9", lines);
        Assert.Contains("correlation id deploy-42", lines);
        Assert.Contains("error node node-1 was offline for 60 s (node_offline)", lines);
        Assert.Contains("created 2025-06-01 11:59:58Z (2s ago)", lines);
    }

    [Fact]
    public async Task Get_JsonFormat_PrintsTheCommand()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, ApiJson.Envelope(Failed("cmd_9"))));

        var run = await CliRun.RunAsync(["commands", "get", "cmd_9", "-o", "json"], () => stub);

        using var document = JsonDocument.Parse(run.Out);
        Assert.Equal("node_offline", document.RootElement.GetProperty("error_code").GetString());
    }

    [Fact]
    public async Task Get_Unknown_PrintsNotFound()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.NotFound, ApiJson.Error("no command 'cmd_x'", "not_found")));

        var run = await CliRun.RunAsync(["commands", "get", "cmd_x"], () => stub);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("halctl: error: no command 'cmd_x' (not_found)\n", run.Error.ReplaceLineEndings("\n"));
    }
}
