using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Api;
using HalOSwarm.Supervisor.Nodes;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Environments;

/// <summary>
/// Which nodes host which project (the projects of each node's latest hello) and the API's answers when a request names a
/// project or node that does not fit: 400 for a malformed name, 404 for an unknown project or node, 409
/// <c>not_hosted</c> / <c>node_offline</c>.
/// </summary>
internal sealed class EnvHosts(NodeQueries nodes, AgentRegistry registry, IOptions<EnvironmentsOptions> options, EnvReportStore reports)
{
    /// <summary>Every (node, project) a node hosts.</summary>
    public async Task<IReadOnlyList<EnvHost>> AllAsync(CancellationToken cancellationToken) =>
        [.. (await nodes.ListAsync(cancellationToken)).SelectMany(n => n.Projects.Select(p => new EnvHost(n.NodeId, p, registry.IsConnected(n.NodeId))))];

    /// <summary>
    /// The nodes hosting <paramref name="project"/> (only <paramref name="nodeId"/> when given), or the error to answer:
    /// the project is unknown when no node hosts it, no manifest names it and it was never checked.
    /// </summary>
    public async Task<(IReadOnlyList<EnvHost> Hosts, IResult? Error)> OfAsync(string project, string? nodeId, CancellationToken cancellationToken)
    {
        if (!ProtocolLimits.IsProjectName(project))
        {
            return ([], ApiErrors.Invalid([new FieldError("project", $"must be 1-{ProtocolLimits.MaxProjectNameLength} characters, no '/' or control characters")]));
        }
        if (nodeId is not null && ProtocolLimits.NodeIdProblem(nodeId) is { } problem)
        {
            return ([], ApiErrors.Invalid([new FieldError("node_id", problem)]));
        }
        var hosts = (await AllAsync(cancellationToken)).Where(h => h.Project.Name == project).ToList();
        if (hosts.Count == 0 && !options.Value.Projects.ContainsKey(project) && (await reports.ListAsync(project, null, cancellationToken)).Count == 0)
        {
            return ([], ApiErrors.NotFound($"project '{project}' is not hosted by any node, named by no manifest and was never checked"));
        }
        if (nodeId is null)
        {
            return (hosts, null);
        }
        if (await nodes.GetAsync(nodeId, cancellationToken) is null)
        {
            return ([], ApiErrors.NotFound($"node '{nodeId}' not found"));
        }
        var one = hosts.Where(h => h.NodeId == nodeId).ToList();
        return one.Count == 0
            ? ([], ApiErrors.Error(StatusCodes.Status409Conflict, $"node '{nodeId}' does not host project '{project}'", "not_hosted"))
            : (one, null);
    }
}
