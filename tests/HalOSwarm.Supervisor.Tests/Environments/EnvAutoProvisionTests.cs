using System.Text.Json;
using System.Text.Json.Nodes;
using HalOSwarm.Protocol;
using HalOSwarm.Protocol.Environments;
using HalOSwarm.Supervisor.Environments;
using HalOSwarm.Supervisor.Tests.Support;

namespace HalOSwarm.Supervisor.Tests.Environments;

/// <summary>
/// The automatic round: a check that someone else runs (on connect, on schedule — here the test stands in for them
/// through <see cref="IEnvChecks"/>) and that finds AGENT.md and <c>.context/</c> absent and a tool missing makes the
/// supervisor send env_apply by itself with exactly the safe items, check again, and only propose the install.
/// </summary>
public sealed class EnvAutoProvisionTests
{
    private const string Node = "node-env";
    private static readonly ProjectInfo s_project = new("alpha", "/work/alpha");

    [Fact]
    public async Task Check_FindsAbsentFilesAndAMissingTool_SafeFixesAppliedByThemselvesInstallOnlyProposed()
    {
        await using var host = await SupervisorHost.StartAsync(c => c["environments"] = JsonNode.Parse("""
            {
              "check_interval_sec": 0,
              "templates": { "mine": { "text": "# {{project}} on {{node}}\n" } },
              "projects": { "alpha": {
                "agents_md": { "template": "mine" },
                "context": { "progress.md": "progress" },
                "tools": { "haltool": { "install": "sh ./install-haltool.sh" } }
              } }
            }
            """));
        await using var agent = await TestAgent.ConnectAsync(host, Node, projects: [s_project]);

        // The check on connect (the scheduler's) finds what is absent; the automatic round follows by itself.
        var first = await agent.ReceiveCommandAsync();
        Assert.Equal(CommandTypes.EnvCheck, first.Type);
        await ReplyAsync(agent, first, EnvVerdicts.Missing,
            new EnvItemResult("tool:haltool", EnvItemKinds.Tool, EnvVerdicts.Missing, "installed", "not installed", "'haltool --version' not found", EnvFixes.Approval),
            Absent("file:AGENT.md", EnvItemKinds.File), Absent("dir:.context", EnvItemKinds.Dir), Absent("file:.context/progress.md", EnvItemKinds.File));

        var apply = await agent.ReceiveCommandAsync();
        Assert.Equal(CommandTypes.EnvApply, apply.Type);
        var args = apply.Args.Deserialize(ProtocolJsonContext.Default.EnvApplyArgs)!;
        Assert.False(args.DryRun);
        Assert.Equal(["file:AGENT.md", "dir:.context", "file:.context/progress.md"], args.Items.Select(i => i.Id));
        Assert.Equal($"# alpha on {Node}\n", args.Items[0].Content);
        await agent.ReplyAsync(apply, JsonSerializer.Serialize(new EnvApplyReport("alpha", false,
            [.. args.Items.Select(i => new EnvApplyResult(i.Id, EnvApplyOutcomes.Applied, "written"))]), ProtocolJsonContext.Default.EnvApplyReport));

        var recheck = await agent.ReceiveCommandAsync();
        Assert.Equal(CommandTypes.EnvCheck, recheck.Type);
        await ReplyAsync(agent, recheck, EnvVerdicts.Missing,
            new EnvItemResult("tool:haltool", EnvItemKinds.Tool, EnvVerdicts.Missing, "installed", "not installed", null, EnvFixes.Approval));

        await SupervisorHost.WaitUntilAsync(async () => (await host.GetDataAsync("api/v1/events?type=env.provisioned")).GetArrayLength() == 1,
            "env.provisioned");
        var provisioned = (await host.GetDataAsync("api/v1/events?type=env.provisioned"))[0].GetProperty("data");
        Assert.Equal(EnvProvisioner.AutoActor, provisioned.GetProperty("actor").GetString());
        Assert.Equal(3, provisioned.GetProperty("applied").GetArrayLength());
        var proposals = await host.GetDataAsync("api/v1/env/proposals");
        Assert.Equal(1, proposals.GetArrayLength());
        Assert.Equal(("tool:haltool", "pending", "sh ./install-haltool.sh", EnvProvisioner.AutoActor),
            (proposals[0].GetProperty("item_id").GetString(), proposals[0].GetProperty("state").GetString(), proposals[0].GetProperty("command").GetString(),
                proposals[0].GetProperty("proposed_by").GetString()));
        Assert.Single((await host.GetDataAsync("api/v1/events?type=env.proposal")).EnumerateArray());
    }

    [Fact]
    public async Task Proposals_BadFilters_RefusedWithTheField()
    {
        await using var host = await SupervisorHost.StartAsync();

        var (status, body) = await host.GetAsync("api/v1/env/proposals?state=maybe&node_id=Bad!&limit=0");

        Assert.Equal(400, status);
        var fields = body.GetProperty("details").GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString());
        Assert.Equal(["limit", "state", "node_id"], fields);
    }

    private static EnvItemResult Absent(string id, string kind) => new(id, kind, EnvVerdicts.Missing, "present", "absent", null, EnvFixes.Safe);

    private static Task ReplyAsync(TestAgent agent, CommandRequest command, string verdict, params EnvItemResult[] items) =>
        agent.ReplyAsync(command, JsonSerializer.Serialize(new EnvCheckReport("alpha", verdict, items), ProtocolJsonContext.Default.EnvCheckReport));
}
