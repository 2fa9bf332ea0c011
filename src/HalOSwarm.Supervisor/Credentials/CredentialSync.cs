using HalOSwarm.Protocol.Events;
using HalOSwarm.Supervisor.Nodes;

namespace HalOSwarm.Supervisor.Credentials;

/// <summary>
/// The credentials feature's <see cref="ICredentialSync"/>: per node and tool, the latest pushed version against the latest
/// <c>credentials.state</c> the node reported. Drift: the node reported an older version, reported nothing yet, or reported
/// <c>drift_detected</c> (its auth file was changed by hand). A node without pushed credentials is <c>none</c>.
/// </summary>
internal sealed class CredentialSync(CredentialStore store, CredentialStateReader states, NodeQueries nodes) : ICredentialSync
{
    public async Task<NodeCredentialSync> GetAsync(string nodeId, CancellationToken cancellationToken)
    {
        var pushed = await store.LatestAsync(nodeId, cancellationToken);
        var reported = pushed.Count == 0 ? new Dictionary<(string, string), CredentialsStateData>() : await states.LatestAsync(cancellationToken);
        return Build(nodeId, pushed, reported);
    }

    /// <summary>Every known node and every node with pushed credentials, by node id.</summary>
    public async Task<IReadOnlyList<NodeCredentialSync>> ListAsync(CancellationToken cancellationToken)
    {
        var pushed = await store.LatestAsync(null, cancellationToken);
        var reported = await states.LatestAsync(cancellationToken);
        var ids = (await nodes.ListAsync(cancellationToken)).Select(n => n.NodeId).Concat(pushed.Select(p => p.NodeId))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return [.. ids.Select(id => Build(id, [.. pushed.Where(p => p.NodeId == id)], reported))];
    }

    private static NodeCredentialSync Build(string nodeId, IReadOnlyList<CredentialView> pushed,
        IReadOnlyDictionary<(string NodeId, string Tool), CredentialsStateData> reported)
    {
        var tools = pushed.Select(p =>
        {
            var report = reported.GetValueOrDefault((nodeId, p.Tool));
            var inSync = report is { State: CredentialsStateData.InSync } && report.Version >= p.Version;
            return new ToolCredentialSync(p.Tool, inSync ? CredentialSyncStates.InSync : CredentialSyncStates.DriftDetected, p.Version, report?.Version);
        }).ToList();
        if (tools.Count == 0)
        {
            return new NodeCredentialSync(nodeId, CredentialSyncStates.None, 0, []);
        }
        var deciding = tools.FirstOrDefault(t => t.State == CredentialSyncStates.DriftDetected) ?? tools.MaxBy(t => t.NodeVersion ?? 0)!;
        return new NodeCredentialSync(nodeId, deciding.State, deciding.NodeVersion ?? 0, tools);
    }
}
