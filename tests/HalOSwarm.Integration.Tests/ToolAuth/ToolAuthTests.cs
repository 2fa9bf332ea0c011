using System.Text.Json;
using HalOSwarm.Integration.Tests.Harness;
using HalOSwarm.Testing;
using HalOSwarm.Testing.FakeAuth;
using HalOSwarm.Testing.Tools;

namespace HalOSwarm.Integration.Tests.ToolAuth;

/// <summary>
/// The login status of the real agent programs from npm (opencode, Claude Code, Codex), each with its own HOME, as the
/// agent reads it from their own status commands; and Codex's real device-code login against a fake OAuth issuer,
/// relayed through the API and halctl.
/// </summary>
public sealed class ToolAuthTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(90);

    private static async Task<HalCluster> StartAsync(TempDirectory dir, string toolAuthJson)
    {
        var claude = await NpmTool.ClaudeCode.EnsureInstalledAsync();
        var codex = await NpmTool.Codex.EnsureInstalledAsync();
        var runtimes = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["claude-code"] = new Dictionary<string, object>
            {
                ["binary"] = claude,
                ["env"] = new Dictionary<string, string>
                {
                    ["HOME"] = dir.Combine("claude-home"), ["CLAUDE_CONFIG_DIR"] = dir.Combine("claude-home", ".claude"),
                    ["DISABLE_TELEMETRY"] = "1", ["CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC"] = "1",
                },
            },
            ["codex"] = new Dictionary<string, object> { ["binary"] = codex, ["env"] = new Dictionary<string, string> { ["HOME"] = dir.Combine("codex-home") } },
        });
        Directory.CreateDirectory(dir.Combine("claude-home", ".claude"));
        Directory.CreateDirectory(dir.Combine("codex-home"));
        return await HalCluster.StartAsync(new ClusterOptions
        {
            AgentRuntimesJson = runtimes,
            AgentSections = new Dictionary<string, string> { ["tool_auth"] = toolAuthJson },
        });
    }

    private static async Task<Dictionary<string, JsonElement>> WaitForToolsAsync(HalCluster cluster, Func<Dictionary<string, JsonElement>, bool> condition, string what)
    {
        Dictionary<string, JsonElement> tools = [];
        await cluster.WaitAsync(async () =>
        {
            var node = await cluster.GetDataAsync($"api/v1/auth/nodes/{cluster.NodeId}");
            tools = node.GetProperty("tools").EnumerateArray().ToDictionary(t => t.Str("tool"), t => t);
            return condition(tools);
        }, s_wait, what);
        return tools;
    }

    /// <summary>Written whole or not at all, so a check running meanwhile never reads half a file.</summary>
    private static void WriteAtomic(string path, string text)
    {
        File.WriteAllText(path + ".tmp", text);
        File.Move(path + ".tmp", path, overwrite: true);
    }

    [Fact]
    public async Task RealClis_LoggedOutThenCredentialsOnTheNode_ReportedOnChangeAndOnDemand()
    {
        using var dir = new TempDirectory("hal-auth");
        await using var cluster = await StartAsync(dir, """{"interval_sec":3}""");

        // A program slow to answer on a busy machine is reported unknown first, then its status when it changes.
        var before = await WaitForToolsAsync(cluster, t => t.Count == 3 && t.Values.All(x => x.Str("status") != "unknown"), "three tools reported");
        Assert.All(before.Values, t => Assert.Equal("unauthenticated", t.Str("status")));
        Assert.Equal("Not logged in", before["codex"].Str("reason"));
        Assert.Equal("Not logged in", before["claude-code"].Str("reason"));

        // Logged in by hand on the node, in each program's own files.
        WriteAtomic(dir.Combine("claude-home", ".claude", ".credentials.json"),
            """{"claudeAiOauth":{"accessToken":"sk-ant-oat01-secret","refreshToken":"sk-ant-ort01-secret","expiresAt":9999999999999,"scopes":["user:inference","user:profile"],"subscriptionType":"max"}}""");
        WriteAtomic(dir.Combine("claude-home", ".claude", ".claude.json"), """{"oauthAccount":{"emailAddress":"user@example.com","organizationName":"Org"}}""");
        Directory.CreateDirectory(Path.Combine(cluster.AgentStateDir, "codex-home"));
        WriteAtomic(Path.Combine(cluster.AgentStateDir, "codex-home", "auth.json"), """{"auth_mode":"apikey","OPENAI_API_KEY":"sk-test-secret-abcdef"}""");
        var openCodeData = Path.Combine(cluster.OpenCodeHome, ".local", "share", "opencode");
        Directory.CreateDirectory(openCodeData);
        WriteAtomic(Path.Combine(openCodeData, "auth.json"), """{"anthropic":{"type":"api","key":"sk-ant-api-secret"}}""");

        var after = await WaitForToolsAsync(cluster, t => t.Values.All(x => x.Str("status") == "authenticated"), "the change to be reported");
        Assert.Equal(("Logged in as user@example.com", "claude.ai"), (after["claude-code"].Str("reason"), after["claude-code"].Str("method")));
        Assert.Equal(("API key configured", "api_key"), (after["codex"].Str("reason"), after["codex"].Str("method")));
        Assert.Equal("Credentials: Anthropic (api)", after["opencode"].Str("reason"));
        // Only changes are sent: no two reports of a tool in a row say the same (the unchanged checks between send nothing).
        var reports = (await cluster.GetEventsAsync("type=auth.status")).Select(e => e.GetProperty("data"))
            .GroupBy(d => d.Str("tool")).ToDictionary(g => g.Key, g => g.Select(d => (d.Str("status"), d.Str("reason"))).ToList());
        Assert.All(reports.Values, r => Assert.All(r.Zip(r.Skip(1)), pair => Assert.NotEqual(pair.First, pair.Second)));
        Assert.Equal([("unauthenticated", "Not logged in"), ("authenticated", "API key configured")], reports["codex"].TakeLast(2));

        var shown = await cluster.CtlAsync("auth", "status", cluster.NodeId);
        Assert.True(shown.ExitCode == 0, shown.ToString());
        Assert.StartsWith($"Node: {cluster.NodeId}\nCredential Sync: none\nCredential Version: 0\n\nTool            Status              Reason\n----            ------              ------\n",
            shown.StdOut, StringComparison.Ordinal);
        Assert.Contains("claude-code     authenticated       Logged in as user@example.com\n", shown.StdOut, StringComparison.Ordinal);
        Assert.Contains("codex           authenticated       API key configured\n", shown.StdOut, StringComparison.Ordinal);
        Assert.Contains("opencode        authenticated       Credentials: Anthropic (api)\n", shown.StdOut, StringComparison.Ordinal);
        // A check now (auth_check): answered before the command's deadline; on a busy machine a slow program may be unknown.
        var checkedNow = await cluster.CtlAsync("auth", "status", cluster.NodeId, "--check");
        Assert.True(checkedNow.ExitCode == 0, checkedNow.ToString());
        Assert.Contains("codex           authenticated       API key configured\n", checkedNow.StdOut, StringComparison.Ordinal);
        Assert.Contains("\nopencode        ", checkedNow.StdOut, StringComparison.Ordinal);
        Assert.Contains("\nclaude-code     ", checkedNow.StdOut, StringComparison.Ordinal);
        var json = await cluster.CtlAsync("--format", "json", "auth", "status", cluster.NodeId);
        Assert.True(json.ExitCode == 0, json.ToString());
        Assert.Equal(3, JsonDocument.Parse(json.StdOut).RootElement.GetProperty("tools").GetArrayLength());
        var events = JsonSerializer.Serialize(await cluster.GetEventsAsync("type=auth.*"));
        Assert.DoesNotContain("secret", events + shown.StdOut + checkedNow.StdOut + json.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CodexDeviceLogin_FakeIssuer_UrlAndCodeRelayedThroughApiAndHalctl_ThenAuthenticated()
    {
        using var dir = new TempDirectory("hal-auth-login");
        await using var issuer = await FakeDeviceAuthServer.StartAsync("user@example.com");
        await using var cluster = await StartAsync(dir, $$"""{"interval_sec":0,"codex_issuer":"{{issuer.Issuer}}"}""");
        await WaitForToolsAsync(cluster, t => t.TryGetValue("codex", out var c) && c.Str("status") == "unauthenticated", "codex logged out");

        var halctl = cluster.CtlAsync("auth", "login", cluster.NodeId, "codex", "--timeout", "120");
        var pending = await cluster.WaitForAsync(async () =>
            (await cluster.GetEventsAsync("type=auth.login.pending")).Select(e => e.GetProperty("data")).FirstOrDefault() is { ValueKind: JsonValueKind.Object } p
                ? (JsonElement?)p : null, s_wait, "the login to wait for its code");
        var code = pending.Str("user_code");
        var login = await cluster.GetDataAsync($"api/v1/auth/logins/{pending.Str("login_id")}");
        Assert.Equal(("pending", $"{issuer.Issuer}/codex/device", code), (login.Str("status"), login.Str("verification_url"), login.Str("user_code")));
        Assert.Equal([code], issuer.UserCodes);

        Assert.True(issuer.Approve(code)); // the person entered the code
        var result = await halctl;

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"Open {issuer.Issuer}/codex/device", result.StdOut, StringComparison.Ordinal);
        Assert.Contains($"Enter the code {code}", result.StdOut, StringComparison.Ordinal);
        Assert.Contains($"codex on {cluster.NodeId}: logged in", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("POST /oauth/token", issuer.Requests);
        var done = await cluster.GetDataAsync($"api/v1/auth/logins/{pending.Str("login_id")}");
        Assert.Equal("succeeded", done.Str("status"));
        var tools = await WaitForToolsAsync(cluster, t => t["codex"].Str("status") == "authenticated", "codex authenticated after the login");
        Assert.Equal(("Logged in using ChatGPT", "chatgpt"), (tools["codex"].Str("reason"), tools["codex"].Str("method")));

        var manual = await cluster.CtlAsync("auth", "login", cluster.NodeId, "claude-code");
        Assert.Equal(1, manual.ExitCode);
        Assert.Contains("claude-code on " + cluster.NodeId + ": manual login required: Tool 'claude-code' does not support remote OAuth flows", manual.StdOut, StringComparison.Ordinal);
        Assert.Contains("auth login", manual.StdOut, StringComparison.Ordinal);
    }
}
