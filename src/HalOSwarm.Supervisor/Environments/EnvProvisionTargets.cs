using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Nodes;

namespace HalOSwarm.Supervisor.Environments;

/// <summary>Which nodes a provisioning request acts on: the one named (it must host the project and be online), or every online node that hosts it.</summary>
internal sealed class EnvProvisionTargets(NodeQueries nodes, AgentRegistry registry, IEnvManifests manifests)
{
    public async Task<IReadOnlyList<(string NodeId, ProjectInfo Project)>> ResolveAsync(string project, string? nodeId, CancellationToken cancellationToken)
    {
        if (!manifests.Covers(project))
        {
            throw new EnvRequestException("not_found", $"no environment manifest covers project '{project}' (environments.default or environments.projects.{project})");
        }
        if (nodeId is not null)
        {
            return [(nodeId, await OnlineAsync(nodeId, project, cancellationToken))];
        }
        var hosting = (await nodes.ListAsync(cancellationToken))
            .Select(n => (n.NodeId, Project: n.Projects.FirstOrDefault(p => p.Name == project)))
            .Where(n => n.Project is not null)
            .ToList();
        if (hosting.Count == 0)
        {
            throw new EnvRequestException("not_found", $"no node hosts project '{project}'");
        }
        var online = hosting.Where(n => registry.IsConnected(n.NodeId)).Select(n => (n.NodeId, n.Project!)).ToList();
        return online.Count > 0
            ? online
            : throw new EnvRequestException("node_offline", $"no node that hosts project '{project}' is online ({string.Join(", ", hosting.Select(n => n.NodeId))})");
    }

    /// <summary>The project as the node hosts it; the node must be connected now.</summary>
    public async Task<ProjectInfo> OnlineAsync(string nodeId, string project, CancellationToken cancellationToken)
    {
        var node = await nodes.GetAsync(nodeId, cancellationToken) ?? throw new EnvRequestException("not_found", $"no node '{nodeId}'");
        var hosted = node.Projects.FirstOrDefault(p => p.Name == project)
            ?? throw new EnvRequestException("not_found", $"node {nodeId} does not host project '{project}'");
        return registry.IsConnected(nodeId) ? hosted : throw new EnvRequestException("node_offline", $"node {nodeId} is offline");
    }
}
