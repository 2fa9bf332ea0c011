using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using HalOSwarm.Ctl.Tests.Support;
using HalOSwarm.Testing;

namespace HalOSwarm.Ctl.Tests.Commands;

/// <summary><c>halctl auth drift</c> and <c>halctl auth push</c> against a stubbed API.</summary>
public sealed class AuthCredentialsCommandTests
{
    private const string Secret = "sk-ctl-1a2b3c4d5e6f7a8b";

    [Fact]
    public async Task Drift_Nodes_RunbookTableLayout()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, ApiJson.Envelope(new JsonArray(
            new JsonObject { ["node_id"] = "agent-node-1", ["state"] = "drift_detected", ["version"] = 0, ["tools"] = new JsonArray() },
            new JsonObject { ["node_id"] = "agent-node-2", ["state"] = "in_sync", ["version"] = 3, ["tools"] = new JsonArray() }))));

        var run = await CliRun.RunAsync(["auth", "drift"], () => stub);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("/api/v1/credentials/drift", stub.Requests[0].RequestUri!.AbsolutePath);
        Assert.Equal(
            "Node ID         Sync Status       Version\n" +
            "-------         -----------       -------\n" +
            "agent-node-1    drift_detected    0\n" +
            "agent-node-2    in_sync           3\n",
            run.Out.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Push_EnvFile_PairsInTheBodyNeverOnTheOutput()
    {
        using var dir = new TempDirectory("halctl-push");
        var envFile = dir.Combine("codex.env");
        File.WriteAllText(envFile, $"# key for the fake provider\n\nFAKE_API_KEY={Secret}\nOTHER=a=b\n");
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, ApiJson.Envelope(new JsonObject
        {
            ["node_id"] = "n1", ["tool"] = "codex", ["kind"] = "env", ["version"] = 2,
            ["command"] = new JsonObject { ["command_id"] = "cmd_1", ["type"] = "credentials_push", ["node_id"] = "n1", ["state"] = "succeeded" },
        })));

        var run = await CliRun.RunAsync(["auth", "push", "n1", "codex", "--env-file", envFile], () => stub);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal((HttpMethod.Post, "/api/v1/credentials/push"), (stub.Requests[0].Method, stub.Requests[0].RequestUri!.AbsolutePath));
        var body = JsonDocument.Parse(stub.Bodies[0]!).RootElement;
        Assert.Equal("env", body.GetProperty("kind").GetString());
        Assert.Equal(Secret, body.GetProperty("env").GetProperty("FAKE_API_KEY").GetString());
        Assert.Equal("a=b", body.GetProperty("env").GetProperty("OTHER").GetString());
        Assert.Contains("pushed codex credentials v2 (env) to node n1", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, run.Out + run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public async Task Push_NotExactlyOneSource_UsageErrorAndNoRequest(bool file, bool envFile)
    {
        using var dir = new TempDirectory("halctl-push");
        var path = dir.Combine("auth.json");
        File.WriteAllText(path, Secret);
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, ApiJson.Envelope(null)));
        string[] args = ["auth", "push", "n1", "opencode", .. file ? new[] { "--file", path } : [], .. envFile ? new[] { "--env-file", path } : []];

        var run = await CliRun.RunAsync(args, () => stub);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Empty(stub.Requests);
        Assert.Contains("--file", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Push_MalformedEnvLine_LineNumberWithoutItsText()
    {
        using var dir = new TempDirectory("halctl-push");
        var envFile = dir.Combine("bad.env");
        File.WriteAllText(envFile, $"GOOD=1\n{Secret}\n");
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, ApiJson.Envelope(null)));

        var run = await CliRun.RunAsync(["auth", "push", "n1", "codex", "--env-file", envFile], () => stub);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Empty(stub.Requests);
        Assert.Contains("bad.env:2: expected NAME=VALUE", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, run.Error, StringComparison.Ordinal);
    }
}
