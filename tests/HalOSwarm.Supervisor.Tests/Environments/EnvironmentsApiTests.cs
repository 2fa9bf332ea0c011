using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace HalOSwarm.Supervisor.Tests.Environments;

/// <summary>Environment checks through the composed supervisor: by itself on connect, on demand, stored, with events on change.</summary>
public sealed class EnvironmentsApiTests
{
    [Fact]
    public async Task EnvCheck_NodeConnects_CheckedByItselfStoredAndFailedOnce()
    {
        await using var host = await SupervisorHost.StartAsync(EnvAgentReplies.Manifest);
        await using var agent = await TestAgent.ConnectAsync(host, "node-1");

        var command = await agent.AnswerCheckAsync(EnvAgentReplies.AgentMdReady(), EnvAgentReplies.ContextMissing(), EnvAgentReplies.KeySet());

        Assert.Equal("alpha", command.Project);
        var items = command.Args.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToList();
        Assert.Equal(["env:API_KEY", "file:AGENT.md", "dir:.context", "file:.context/PROGRESS.md"], items);
        await SupervisorHost.WaitUntilAsync(async () => (await host.GetDataAsync("/api/v1/env")).GetArrayLength() == 1
            && (await host.GetDataAsync("/api/v1/env"))[0].GetProperty("verdict").GetString() == "missing", "the report stored");
        var row = (await host.GetDataAsync("/api/v1/env"))[0];
        Assert.Equal(("alpha", "node-1", true, 1), (row.GetProperty("project").GetString(), row.GetProperty("node_id").GetString(),
            row.GetProperty("node_online").GetBoolean(), row.GetProperty("failing").GetInt32()));
        var node = Assert.Single((await host.GetDataAsync("/api/v1/env/alpha?node_id=node-1")).EnumerateArray());
        var context = node.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "dir:.context");
        Assert.Equal(("present", "absent", "missing", "safe"), (context.GetProperty("expected").GetString(), context.GetProperty("actual").GetString(),
            context.GetProperty("verdict").GetString(), context.GetProperty("fix").GetString()));
        Assert.Equal(EnvCheckPolicyActor, node.GetProperty("checked_by").GetString());

        // The same failure again (on demand): stored, returned, but not told twice.
        var again = host.Api.PostAsJsonAsync("/api/v1/env/alpha/check", new { node_id = "node-1" });
        await agent.AnswerCheckAsync(EnvAgentReplies.AgentMdReady(), EnvAgentReplies.ContextMissing(), EnvAgentReplies.KeySet());
        using var response = await again;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var failed = await host.GetDataAsync("/api/v1/events?type=env.check.failed");
        var only = Assert.Single(failed.EnumerateArray());
        Assert.Equal("missing", only.GetProperty("data").GetProperty("verdict").GetString());
        Assert.Equal("dir:.context", Assert.Single(only.GetProperty("data").GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
    }

    private const string EnvCheckPolicyActor = "policy:environments";

    [Fact]
    public async Task EnvCheck_AgentMdEditedAfterReady_DriftDetectedAndDiffShown()
    {
        await using var host = await SupervisorHost.StartAsync(EnvAgentReplies.Manifest);
        await using var agent = await TestAgent.ConnectAsync(host, "node-1");
        await agent.AnswerCheckAsync(EnvAgentReplies.AgentMdReady(), EnvAgentReplies.KeySet());
        await SupervisorHost.WaitUntilAsync(async () => (await host.GetDataAsync("/api/v1/env"))[0].GetProperty("verdict").GetString() == "ready",
            "the ready report stored");

        var check = host.Api.PostAsJsonAsync("/api/v1/env/alpha/check", new { });
        await agent.AnswerCheckAsync(EnvAgentReplies.AgentMdChanged("# alpha\n\nedited by hand\n"), EnvAgentReplies.KeySet());
        using var response = await check;

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal("degraded", JsonDocument.Parse(body).RootElement.GetProperty("data")[0].GetProperty("verdict").GetString());
        var drift = Assert.Single((await host.GetDataAsync("/api/v1/events?type=env.drift.detected")).EnumerateArray());
        Assert.Equal("node-1", drift.GetProperty("node_id").GetString());
        var item = Assert.Single(drift.GetProperty("data").GetProperty("items").EnumerateArray());
        Assert.Equal(("file:AGENT.md", "degraded", "changed"), (item.GetProperty("id").GetString(), item.GetProperty("verdict").GetString(),
            item.GetProperty("actual").GetString()));
        var diff = await host.GetDataAsync("/api/v1/env/alpha/agents-md/diff?node_id=node-1");
        Assert.Equal("changed", diff.GetProperty("state").GetString());
        var text = diff.GetProperty("diff").GetString()!;
        Assert.Contains("--- a/AGENT.md", text, StringComparison.Ordinal);
        Assert.Contains("-edited by hand", text, StringComparison.Ordinal);
        Assert.Contains("+You are a coding agent working on **alpha** in `/work/alpha`", text, StringComparison.Ordinal);
        var shown = await host.GetDataAsync("/api/v1/env/alpha/agents-md");
        Assert.Equal(("node-1", "AGENT.md"), (shown.GetProperty("node_id").GetString(), shown.GetProperty("path").GetString()));
        Assert.StartsWith("# alpha", shown.GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnvApi_WrongProjectOrNode_ClearErrorsAndNoCommand()
    {
        await using var host = await SupervisorHost.StartAsync(EnvAgentReplies.Manifest);
        await using (var agent = await TestAgent.ConnectAsync(host, "node-1"))
        {
            await agent.AnswerCheckAsync(EnvAgentReplies.AgentMdReady());
            await SupervisorHost.WaitUntilAsync(async () => (await host.GetDataAsync("/api/v1/env"))[0].GetProperty("verdict").ValueKind == JsonValueKind.String,
                "the first report stored");
        }
        await using var other = await TestAgent.ConnectAsync(host, "node-2", projects: [new ProjectInfo("beta", "/work/beta")]);
        await SupervisorHost.WaitUntilAsync(async () => (await host.GetDataAsync("/api/v1/nodes/node-1")).GetProperty("status").GetString() == "offline",
            "node-1 offline");
        var commands = (await host.GetDataAsync("/api/v1/commands")).GetArrayLength();

        await AssertError(host, HttpMethod.Get, "/api/v1/env/nothing", 404, "not_found", "'nothing'");
        await AssertError(host, HttpMethod.Get, "/api/v1/env/alpha?node_id=node-9", 404, "not_found", "node-9");
        await AssertError(host, HttpMethod.Get, "/api/v1/env/alpha?node_id=Bad%20Node", 400, "invalid_request", "node_id");
        await AssertError(host, HttpMethod.Post, "/api/v1/env/alpha/check", 409, "node_offline", "node-1", """{"node_id":"node-1"}""");
        await AssertError(host, HttpMethod.Post, "/api/v1/env/alpha/check", 409, "not_hosted", "node-2", """{"node_id":"node-2"}""");
        await AssertError(host, HttpMethod.Post, "/api/v1/env/beta/check", 409, "no_manifest", "environments.projects.beta");
        await AssertError(host, HttpMethod.Post, "/api/v1/env/alpha/check", 400, "invalid_request", "body", "{not json");
        await AssertError(host, HttpMethod.Post, "/api/v1/env/alpha/check", 413, "too_large", "1024", $$"""{"node_id":"{{new string('a', 2000)}}"}""");
        await AssertError(host, HttpMethod.Get, "/api/v1/env/beta/agents-md", 404, "not_found", "no AGENT.md");
        await AssertError(host, HttpMethod.Get, "/api/v1/env/alpha/agents-md/diff?node_id=node-2", 409, "not_hosted", "node-2");

        Assert.Equal(commands, (await host.GetDataAsync("/api/v1/commands")).GetArrayLength());
        // The offline node's last report is still shown.
        var node = Assert.Single((await host.GetDataAsync("/api/v1/env/alpha")).EnumerateArray());
        Assert.Equal(("node-1", false, "ready"), (node.GetProperty("node_id").GetString(), node.GetProperty("node_online").GetBoolean(),
            node.GetProperty("verdict").GetString()));
    }

    [Fact]
    public async Task EnvCheck_ViewerToken_Forbidden()
    {
        await using var host = await SupervisorHost.StartAsync(EnvAgentReplies.Manifest);
        using var viewer = TokenIssuer.Client(host, await TokenIssuer.CreateAsync(host, "watcher", "viewer"));

        using var status = await viewer.GetAsync("/api/v1/env");
        using var check = await viewer.PostAsJsonAsync("/api/v1/env/alpha/check", new { });

        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, check.StatusCode);
    }

    [Fact]
    public async Task EnvCheck_IntervalPasses_ConnectedNodeCheckedAgain()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await SupervisorHost.StartAsync(config =>
        {
            EnvAgentReplies.Manifest(config);
            config["environments"]!["check_interval_sec"] = 60;
            config["server"]!["heartbeat_timeout_count"] = 100; // the clock jumps; the node must stay online meanwhile
        }, timeProvider: time);
        await using var agent = await TestAgent.ConnectAsync(host, "node-1");
        await agent.AnswerCheckAsync(EnvAgentReplies.AgentMdReady());
        await SupervisorHost.WaitUntilAsync(async () => (await host.GetDataAsync("/api/v1/env"))[0].GetProperty("verdict").GetString() == "ready",
            "the check on connect stored");

        CommandRequest? scheduled = null;
        for (var tick = 0; tick < 3 && scheduled is null; tick++)
        {
            time.Advance(TimeSpan.FromSeconds(60));
            scheduled = await agent.TryReceiveCommandAsync(5_000);
        }

        Assert.NotNull(scheduled);
        Assert.Equal((CommandTypes.EnvCheck, "alpha"), (scheduled.Type, scheduled.Project));
    }

    private static async Task AssertError(SupervisorHost host, HttpMethod method, string path, int status, string code, string mentions, string? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }
        using var response = await host.Api.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"{method} {path}: {(int)response.StatusCode} {text}");
        var error = JsonDocument.Parse(text).RootElement;
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.Contains(mentions, error.GetProperty("error").GetString(), StringComparison.Ordinal);
    }
}
