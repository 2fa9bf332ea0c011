using System.Text.Json;
using HalOSwarm.Integration.Tests.Harness;

namespace HalOSwarm.Integration.Tests.Environments;

/// <summary>
/// Environment checks against the built supervisor and agent: a project missing AGENT.md and .context/ is reported
/// missing by itself once the node connects, a fixed project is ready, and AGENT.md edited by hand is drift — seen
/// through the API and the real halctl.
/// </summary>
public sealed class EnvironmentCheckTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(90);
    private const string SecretValue = "it-secret-value-7f3a9c";
    private const string Progress = "# Progress\n\nStatus: in progress\n";

    // Provisioning off: this test reads the first check's report, which a provisioning pass would replace at once.
    private static ClusterOptions Manifest() => new()
    {
        AgentEnvironment = new Dictionary<string, string> { ["HAL_IT_DEPLOY_KEY"] = SecretValue },
        SupervisorSections = new Dictionary<string, string>
        {
            ["environments"] = """
                {"check_interval_sec": 0, "auto_provision": false,
                 "templates": {"it-progress": {"text": @progress@}},
                 "projects": {"@project@": {
                   "agents_md": {"template": "agent-md"},
                   "context": {"PROGRESS.md": "it-progress"},
                   "env": {"HAL_IT_DEPLOY_KEY": {"required": true}}}}}
                """.Replace("@progress@", JsonSerializer.Serialize(Progress), StringComparison.Ordinal)
                .Replace("@project@", HalCluster.ProjectName, StringComparison.Ordinal),
        },
    };

    private static JsonElement Item(JsonElement node, string id) =>
        node.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == id);

    [Fact]
    public async Task EnvCheck_ProjectWithoutAgentMd_MissingByItselfThenDriftAfterHandEdit()
    {
        await using var cluster = await HalCluster.StartAsync(Manifest());
        var project = HalCluster.ProjectName;

        // Checked by itself after the node connected: no API call triggers it.
        var node = await cluster.WaitForAsync(async () =>
        {
            var nodes = await cluster.GetDataAsync($"api/v1/env/{project}");
            return nodes.GetArrayLength() == 1 && nodes[0].GetProperty("verdict").ValueKind == JsonValueKind.String ? nodes[0] : (JsonElement?)null;
        }, s_wait, "the check on connect");
        Assert.Equal("missing", node.GetProperty("verdict").GetString());
        Assert.Equal("policy:environments", node.GetProperty("checked_by").GetString());
        var agentMd = Item(node, "file:AGENT.md");
        Assert.Equal(("present", "absent", "missing", "safe"), (agentMd.GetProperty("expected").GetString(), agentMd.GetProperty("actual").GetString(),
            agentMd.GetProperty("verdict").GetString(), agentMd.GetProperty("fix").GetString()));
        Assert.Equal("missing", Item(node, "dir:.context").GetProperty("verdict").GetString());
        Assert.Equal(("set", "set", "ready"), (Item(node, "env:HAL_IT_DEPLOY_KEY").GetProperty("expected").GetString(),
            Item(node, "env:HAL_IT_DEPLOY_KEY").GetProperty("actual").GetString(), Item(node, "env:HAL_IT_DEPLOY_KEY").GetProperty("verdict").GetString()));
        var failed = Assert.Single(await cluster.GetEventsAsync("type=env.check.failed"));
        Assert.Equal("missing", failed.GetProperty("data").GetProperty("verdict").GetString());

        // The project made as the manifest says: ready.
        var rendered = (await cluster.GetDataAsync($"api/v1/env/{project}/agents-md")).GetProperty("content").GetString()!;
        Assert.Contains(cluster.ProjectDir, rendered, StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(cluster.ProjectDir, "AGENT.md"), rendered);
        Directory.CreateDirectory(Path.Combine(cluster.ProjectDir, ".context"));
        await File.WriteAllTextAsync(Path.Combine(cluster.ProjectDir, ".context", "PROGRESS.md"), Progress);
        var check = await cluster.CtlAsync("env", "check", project);
        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.Contains("ready", check.StdOut, StringComparison.Ordinal);

        // AGENT.md edited by hand: drift, shown by halctl with the diff.
        await File.AppendAllTextAsync(Path.Combine(cluster.ProjectDir, "AGENT.md"), "\nAlways push straight to main.\n");
        var recheck = await cluster.CtlAsync("env", "check", project, "--node", cluster.NodeId);
        Assert.True(recheck.ExitCode == 0, recheck.ToString());
        var drift = Assert.Single(await cluster.GetEventsAsync("type=env.drift.detected"));
        var drifted = Assert.Single(drift.GetProperty("data").GetProperty("items").EnumerateArray());
        Assert.Equal(("file:AGENT.md", "degraded", "changed"), (drifted.GetProperty("id").GetString(), drifted.GetProperty("verdict").GetString(),
            drifted.GetProperty("actual").GetString()));
        var status = await cluster.CtlAsync("env", "status", project);
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Contains("file:AGENT.md", status.StdOut, StringComparison.Ordinal);
        Assert.Contains("degraded", status.StdOut, StringComparison.Ordinal);
        Assert.Contains("changed", status.StdOut, StringComparison.Ordinal);
        var diff = await cluster.CtlAsync("env", "agents-md", "diff", project, "--node", cluster.NodeId);
        Assert.True(diff.ExitCode == 0, diff.ToString());
        Assert.Contains("-Always push straight to main.", diff.StdOut, StringComparison.Ordinal);
        var json = await cluster.CtlAsync("--format", "json", "env", "status", project, "--node", cluster.NodeId);
        Assert.Equal("degraded", JsonDocument.Parse(json.StdOut).RootElement[0].GetProperty("verdict").GetString());

        // A variable's value appears nowhere: not in the API, the events, or halctl.
        var everything = string.Join("\n", status.StdOut, json.StdOut, check.StdOut,
            (await cluster.GetDataAsync($"api/v1/env/{project}")).GetRawText(), (await cluster.GetDataAsync("api/v1/events?type=env.*")).GetRawText());
        Assert.DoesNotContain(SecretValue, everything, StringComparison.Ordinal);
    }
}
