using System.Text.Json;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Tests.Commands;
using HalOSwarm.Supervisor.Tests.Support;

namespace HalOSwarm.Supervisor.Tests.ToolAuth;

public sealed class ToolAuthApiTests
{
    private static string Status(string tool, string status, string reason) =>
        $$"""{"tool":"{{tool}}","status":"{{status}}","method":null,"reason":"{{reason}}","checked_at":"2026-11-25T12:00:00Z"}""";

    private static async Task<JsonElement> WaitForToolAsync(SupervisorHost host, string nodeId, string tool, string status)
    {
        JsonElement node = default;
        await SupervisorHost.WaitUntilAsync(async () =>
        {
            node = await host.GetDataAsync($"/api/v1/auth/nodes/{nodeId}");
            return node.GetProperty("tools").EnumerateArray().Any(t => t.GetProperty("tool").GetString() == tool && t.GetProperty("status").GetString() == status);
        }, $"{tool} {status} on {nodeId}");
        return node;
    }

    [Fact]
    public async Task AuthStatusEvents_NodeView_LatestStatusPerToolWithCredentialSync()
    {
        await using var host = await CommandHosts.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-a");

        await agent.SendEventsAsync(
            Ev.Make(1, EventTypes.AuthStatus, null, Status("codex", "unauthenticated", "Not logged in")),
            Ev.Make(2, EventTypes.AuthStatus, null, Status("claude-code", "authenticated", "Logged in as user@example.com")),
            Ev.Make(3, EventTypes.AuthStatus, null, Status("codex", "authenticated", "API key configured")),
            Ev.Make(4, EventTypes.AuthStatus, null, Status("tmux", "authenticated", "not a tool with a login")));
        var node = await WaitForToolAsync(host, "node-a", "codex", "authenticated");
        var all = await host.GetDataAsync("/api/v1/auth");

        Assert.Equal(("online", "none", 0), (node.GetProperty("node_status").GetString(), node.GetProperty("credential_sync").GetString(),
            node.GetProperty("credential_version").GetInt32()));
        var tools = node.GetProperty("tools").EnumerateArray().ToDictionary(t => t.GetProperty("tool").GetString()!, t => t.GetProperty("reason").GetString());
        Assert.Equal(new Dictionary<string, string?> { ["claude-code"] = "Logged in as user@example.com", ["codex"] = "API key configured" }, tools);
        Assert.Equal("node-a", Assert.Single(all.EnumerateArray()).GetProperty("node_id").GetString());
    }

    [Fact]
    public async Task Check_OnlineNode_SendsAuthCheckAndAnswersTheCheckedTools()
    {
        await using var host = await CommandHosts.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-c");

        var response = host.PostAsync("/api/v1/auth/nodes/node-c/check", new { });
        var command = await agent.ReceiveCommandAsync();
        await agent.ReplyAsync(command, $$"""{"tools":[{{Status("opencode", "unauthenticated", "No credentials stored")}}]}""");
        var (status, body) = await response;

        Assert.Equal((CommandTypes.AuthCheck, null, null), (command.Type, command.SessionId, command.Project));
        Assert.Equal(200, status);
        var tool = Assert.Single(body.GetProperty("data").GetProperty("tools").EnumerateArray());
        Assert.Equal(("opencode", "unauthenticated"), (tool.GetProperty("tool").GetString(), tool.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Login_Codex_RelaysUrlAndCodeThenSucceeded()
    {
        await using var host = await CommandHosts.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-l");

        var response = host.PostAsync("/api/v1/auth/nodes/node-l/login", new { tool = "codex" });
        var command = await agent.ReceiveCommandAsync();
        var pending = $$"""{"login_id":"{{command.CommandId}}","tool":"codex","status":"pending","verification_url":"http://127.0.0.1:9/codex/device","user_code":"ABCD-1234"}""";
        await agent.SendEventsAsync(Ev.Make(1, EventTypes.AuthLoginPending, null, pending));
        await agent.ReplyAsync(command, pending);
        var (status, body) = await response;
        await agent.SendEventsAsync(Ev.Make(2, EventTypes.AuthLoginSucceeded, null,
            $$"""{"login_id":"{{command.CommandId}}","tool":"codex","status":"succeeded","reason":"Logged in"}"""));
        JsonElement login = default;
        await SupervisorHost.WaitUntilAsync(async () =>
        {
            login = await host.GetDataAsync($"/api/v1/auth/logins/{command.CommandId}");
            return login.GetProperty("status").GetString() == "succeeded";
        }, "login succeeded");

        Assert.Equal("codex", command.Args.GetProperty("tool").GetString());
        Assert.Equal(200, status);
        var data = body.GetProperty("data");
        Assert.Equal((command.CommandId, "pending", "http://127.0.0.1:9/codex/device", "ABCD-1234"), (data.GetProperty("login_id").GetString(),
            data.GetProperty("status").GetString(), data.GetProperty("verification_url").GetString(), data.GetProperty("user_code").GetString()));
        Assert.Equal(("node-l", "Logged in"), (login.GetProperty("node_id").GetString(), login.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task BadInput_UnknownToolNodeOrOfflineNode_ClearErrorAndNoCommand()
    {
        await using var host = await CommandHosts.StartAsync();
        await using (var gone = await TestAgent.ConnectAsync(host, "node-gone"))
        {
        }
        await SupervisorHost.WaitUntilAsync(async () =>
            (await host.GetDataAsync("/api/v1/nodes/node-gone")).GetProperty("status").GetString() == "offline", "node-gone offline");
        await using var agent = await TestAgent.ConnectAsync(host, "node-b");

        var unknownTool = await host.PostAsync("/api/v1/auth/nodes/node-b/login", new { tool = "tmux" });
        var noTool = await host.PostAsync("/api/v1/auth/nodes/node-b/login", new { });
        var unknownNode = await host.PostAsync("/api/v1/auth/nodes/node-x/login", new { tool = "codex" });
        var offline = await host.PostAsync("/api/v1/auth/nodes/node-gone/check", new { });
        var badNode = await host.GetAsync("/api/v1/auth/nodes/NODE!");
        var unknownLogin = await host.GetAsync("/api/v1/auth/logins/cmd_nothing");
        var commands = await host.GetDataAsync("/api/v1/commands");

        Assert.Equal((400, "invalid_request"), (unknownTool.Status, unknownTool.Body.GetProperty("code").GetString()));
        Assert.Contains("tool: must be one of opencode, claude-code, codex", unknownTool.Body.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(400, noTool.Status);
        Assert.Equal((404, "no node 'node-x'"), (unknownNode.Status, unknownNode.Body.GetProperty("error").GetString()));
        Assert.Equal((409, "node_offline"), (offline.Status, offline.Body.GetProperty("code").GetString()));
        Assert.Equal(400, badNode.Status);
        Assert.Equal(404, unknownLogin.Status);
        Assert.Equal(0, commands.GetArrayLength());
    }
}
