using HalOSwarm.Protocol;
using HalOSwarm.Protocol.Environments;
using HalOSwarm.Supervisor.Events;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Environments;

/// <summary>
/// Writes the project's AGENT.md from its template on a node, also over a copy edited by hand (the point of a sync),
/// audited (<c>env.agents_md.sync</c>) and recorded as <c>env.provisioned</c>.
/// </summary>
internal sealed class EnvAgentsMdSync(IOptions<EnvironmentsOptions> options, EnvProvisioner provisioner, EnvApplyRunner applier, ISupervisorEvents events)
{
    public async Task<EnvApplyResult> SyncAsync(string nodeId, ProjectInfo project, string actor, CancellationToken cancellationToken)
    {
        var merged = EnvManifests.Merge(options.Value.Default, options.Value.Projects.GetValueOrDefault(project.Name));
        if (merged.AgentsMd is not { } agentsMd)
        {
            throw new EnvRequestException("conflict", $"the manifest of project '{project.Name}' has no agents_md (environments.projects.{project.Name}.agents_md or environments.default.agents_md)");
        }
        var id = "file:" + (agentsMd.Path ?? "AGENT.md");
        var item = provisioner.Compile(nodeId, project).Items.First(i => i.Id == id);
        var result = (await applier.ApplyAsync(nodeId, project.Name, [item], dryRun: false, actor, cancellationToken))[0];
        await provisioner.AuditAsync(actor, "env.agents_md.sync", nodeId, project.Name, new EnvAuditArgs { Item = id, Output = result.Detail },
            result.Outcome == EnvApplyOutcomes.Applied ? "ok" : "failed", cancellationToken);
        if (result.Outcome == EnvApplyOutcomes.Applied)
        {
            await events.RecordAsync(EventTypes.EnvProvisioned, nodeId, null, new EnvProvisionedData(nodeId, project.Name, actor, [result], null),
                EnvProvisionJsonContext.Default.EnvProvisionedData, cancellationToken);
        }
        return result;
    }
}
