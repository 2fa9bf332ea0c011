using System.Text.Json;
using System.Text.Json.Nodes;
using HalOSwarm.Integration.Tests.Harness;
using HalOSwarm.Testing.Environments;

namespace HalOSwarm.Integration.Tests.Environments;

/// <summary>
/// Issue 14's provisioning against the built binaries: a fresh project directory on a real agent gets its AGENT.md and
/// <c>.context/</c> from the supervisor's templates, a missing tool is proposed with its exact command and installed (by
/// the test kit's fake installer) only once an operator approves, a rejected proposal leaves no trace, a dry run changes
/// nothing, and a sync writes AGENT.md over a hand-edited copy. The safe fixes come by themselves after the check on
/// connect; everything else through halctl, as an operator would.
/// </summary>
public sealed class EnvProvisionTests
{
    private const string Project = "envdemo";
    private const string AgentMdTemplate = "# {{project}}\\nnode {{node}}, runtime {{runtime}}\\n";
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Provision_FreshProject_FilesWrittenToolsInstalledOnlyOnceApprovedAndRejectedLeavesNoTrace()
    {
        await using var env = await StartAsync();
        var (cluster, approved, rejected, directory) = env;
        var node = cluster.NodeId;

        // By itself: the check on connect finds the project missing, AGENT.md and .context/ are written from the templates
        // without anyone asking, and the tools are only proposed.
        await HalCluster.WaitUntilAsync(async () => File.Exists(Path.Combine(directory, ".context", "notes.md"))
            && (await cluster.GetDataAsync("api/v1/env/proposals?state=pending")).GetArrayLength() == 2
            && (await cluster.GetEventsAsync("type=env.provisioned")).Count == 1, s_wait, "provisioned by itself", cluster.Diagnostics);
        Assert.Equal($"# {Project}\nnode {node}, runtime opencode\n", await File.ReadAllTextAsync(Path.Combine(directory, "AGENT.md")));
        Assert.Equal($"notes for {Project} on {node}\n", await File.ReadAllTextAsync(Path.Combine(directory, ".context", "notes.md")));
        Assert.True(File.Exists(Path.Combine(directory, ".context", "progress.md")));
        Assert.Equal("env:auto_provision", (await cluster.GetEventsAsync("type=env.provisioned"))[0].GetProperty("data").GetProperty("actor").GetString());
        Assert.False(approved.Installed || rejected.Installed);
        Assert.Empty(approved.Runs);
        var pending = await cluster.GetDataAsync("api/v1/env/proposals?state=pending");
        Assert.Contains(pending.EnumerateArray(), p => p.GetProperty("command").GetString() == approved.InstallCommand);
        Assert.Equal(2, (await cluster.GetEventsAsync("type=env.proposal")).Count);

        // Dry run: says what an operator's provision would do, and changes nothing (no file, no proposal, no install).
        var unchanged = Snapshot(directory);
        var dry = await OkAsync(cluster, "env", "provision", Project, "--dry-run");
        Assert.Contains("dry run: nothing changed", dry.StdOut, StringComparison.Ordinal);
        Assert.Equal(unchanged, Snapshot(directory));
        Assert.Equal(2, (await cluster.GetDataAsync("api/v1/env/proposals")).GetArrayLength());
        Assert.Empty(approved.Runs);

        // Reject one: nothing runs, nothing on the node changes, and it cannot be approved afterwards.
        var before = Snapshot(directory);
        var reject = await OkAsync(cluster, "env", "reject", node, "rejtool");
        Assert.Contains("rejected by api:admin/cli:", reject.StdOut, StringComparison.Ordinal);
        Assert.False(rejected.Installed);
        Assert.Empty(rejected.Runs);
        Assert.Empty(Directory.GetFiles(rejected.BinDirectory));
        Assert.Equal(before, Snapshot(directory));
        var rejectedId = Id(pending, "tool:rejtool");
        var approveRejected = await cluster.Api.PostAsync($"api/v1/env/proposals/{rejectedId}/approve", null);
        Assert.Equal(409, (int)approveRejected.StatusCode);
        Assert.Contains("is rejected", await approveRejected.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Approve the other: its exact command runs in the project directory, and the check after finds the tool.
        var approve = await OkAsync(cluster, "env", "approve", node, "haltool", "--project", Project);
        Assert.Contains("applied by api:admin/cli:", approve.StdOut, StringComparison.Ordinal);
        Assert.Contains("installed haltool into", approve.StdOut, StringComparison.Ordinal);
        Assert.True(approve.StdOut.Contains("check after: tool:haltool ready", StringComparison.Ordinal), approve + cluster.Diagnostics());
        Assert.True(approved.Installed);
        Assert.Equal([directory], approved.Runs);

        // Deciding again is refused with the reason; unknown and malformed ids too.
        var again = await cluster.CtlAsync("env", "approve", node, "haltool");
        Assert.True(again.ExitCode == 1 && again.StdErr.Contains("no pending proposal for tool:haltool", StringComparison.Ordinal), again.ToString());
        var twice = await cluster.Api.PostAsync($"api/v1/env/proposals/{Id(pending, "tool:haltool")}/approve", null);
        Assert.Equal(409, (int)twice.StatusCode);
        Assert.Equal(404, (int)(await cluster.Api.PostAsync("api/v1/env/proposals/envp_0000000000000000/approve", null)).StatusCode);
        Assert.Equal(400, (int)(await cluster.Api.PostAsync("api/v1/env/proposals/nope/reject", null)).StatusCode);
        Assert.Single(approved.Runs);

        // The record: proposals with their decisions, the events, and the audit trail naming the command.
        var list = await OkAsync(cluster, "env", "proposals");
        Assert.Contains("applied", list.StdOut, StringComparison.Ordinal);
        Assert.Contains("rejected", list.StdOut, StringComparison.Ordinal);
        var installed = (await cluster.GetEventsAsync("type=env.provisioned")).Last().GetProperty("data");
        Assert.Equal("tool:haltool", installed.GetProperty("applied")[0].GetProperty("id").GetString());
        var audit = await cluster.GetDataAsync("api/v1/audit?action=env.install");
        Assert.Contains(approved.InstallCommand, audit[0].GetProperty("args").GetProperty("command").GetString(), StringComparison.Ordinal);
        Assert.Equal($"{node}/{Project}", audit[0].GetProperty("target").GetString());
        Assert.Single((await cluster.GetDataAsync("api/v1/audit?action=env.reject")).EnumerateArray());
    }

    [Fact]
    public async Task AgentsMdSync_HandEditedCopy_ProvisionLeavesItSyncWritesTheTemplate()
    {
        await using var env = await StartAsync();
        var (cluster, _, _, directory) = env;
        var agentMd = Path.Combine(directory, "AGENT.md");
        await HalCluster.WaitUntilAsync(async () => (await cluster.GetEventsAsync("type=env.provisioned")).Count == 1, s_wait,
            "the automatic round after the check on connect", cluster.Diagnostics);
        await File.WriteAllTextAsync(agentMd, "my own notes\n");

        var provision = await OkAsync(cluster, "env", "provision", Project);
        Assert.DoesNotContain("file:AGENT.md", provision.StdOut, StringComparison.Ordinal);
        Assert.Equal("my own notes\n", await File.ReadAllTextAsync(agentMd));

        var sync = await OkAsync(cluster, "env", "agents-md", "sync", Project, "--node", cluster.NodeId);
        Assert.Contains($"{cluster.NodeId}  {Project}  applied  write AGENT.md", sync.StdOut, StringComparison.Ordinal);
        Assert.Equal($"# {Project}\nnode {cluster.NodeId}, runtime opencode\n", await File.ReadAllTextAsync(agentMd));
        Assert.Single((await cluster.GetDataAsync("api/v1/audit?action=env.agents_md.sync")).EnumerateArray());

        var viewer = await cluster.CtlAsync("env", "agents-md", "sync", "no-such-project");
        Assert.True(viewer.ExitCode == 1 && viewer.StdErr.Contains("no environment manifest covers project 'no-such-project'", StringComparison.Ordinal),
            viewer.ToString());
    }

    private static async Task<ProvisionCluster> StartAsync()
    {
        var kit = new Testing.TempDirectory("hal-envkit");
        var approved = new FakeInstaller(kit.Combine("haltool"));
        var rejected = new FakeInstaller(kit.Combine("rejtool"), "rejtool");
        var directory = kit.Combine("envdemo");
        var path = $"{approved.BinDirectory}:{rejected.BinDirectory}:{Environment.GetEnvironmentVariable("PATH")}";
        var project = new JsonObject { ["name"] = Project, ["directory"] = directory, ["env"] = new JsonObject { ["PATH"] = path } };
        var environments = $$$"""
            {
              "check_interval_sec": 0,
              "auto_provision": true,
              "templates": {
                "my-agent-md": { "text": "{{{AgentMdTemplate}}}" },
                "notes": { "text": "notes for {{project}} on {{node}}\n" }
              },
              "projects": {
                "{{{Project}}}": {
                  "agents_md": { "template": "my-agent-md" },
                  "context": { "progress.md": "progress", "notes.md": "notes" },
                  "tools": {
                    "haltool": { "version": ">=1.4", "install": {{{JsonSerializer.Serialize(approved.InstallCommand)}}} },
                    "rejtool": { "install": {{{JsonSerializer.Serialize(rejected.InstallCommand)}}} }
                  }
                }
              }
            }
            """;
        try
        {
            var cluster = await HalCluster.StartAsync(new ClusterOptions
            {
                ExtraProjectsJson = [project.ToJsonString()],
                SupervisorSections = new Dictionary<string, string> { ["environments"] = environments },
            });
            return new ProvisionCluster(cluster, approved, rejected, directory, kit);
        }
        catch
        {
            kit.Dispose();
            throw;
        }
    }

    private static string Id(JsonElement proposals, string item) =>
        proposals.EnumerateArray().First(p => p.GetProperty("item_id").GetString() == item).GetProperty("id").GetString()!;

    private static string Snapshot(string directory) => string.Join("\n", Directory.GetFileSystemEntries(directory, "*", SearchOption.AllDirectories)
        .Order(StringComparer.Ordinal).Select(p => File.Exists(p) ? $"{p} {File.ReadAllText(p).GetHashCode(StringComparison.Ordinal)}" : p));

    private static async Task<CtlResult> OkAsync(HalCluster cluster, params string[] args)
    {
        var result = await cluster.CtlAsync(args);
        Assert.True(result.ExitCode == 0, $"halctl {string.Join(' ', args)}: {result}\n{cluster.Diagnostics()}");
        return result;
    }

    /// <summary>The cluster, the two fake installers and the project's directory; disposing stops the cluster and removes the kit.</summary>
    private sealed record ProvisionCluster(HalCluster Cluster, FakeInstaller Approved, FakeInstaller Rejected, string Directory, Testing.TempDirectory Kit)
        : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Cluster.DisposeAsync();
            Kit.Dispose();
        }

        public void Deconstruct(out HalCluster cluster, out FakeInstaller approved, out FakeInstaller rejected, out string directory) =>
            (cluster, approved, rejected, directory) = (Cluster, Approved, Rejected, Directory);
    }
}
