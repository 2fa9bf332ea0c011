using HalOSwarm.Supervisor.Credentials;
using HalOSwarm.Supervisor.Nodes;

namespace HalOSwarm.Supervisor.ToolAuth;

/// <summary>Puts a node's view together: its status, its credential sync and its tools' logins.</summary>
internal sealed class NodeAuthViews(NodeQueries nodes, ToolAuthQueries queries, ICredentialSync credentials)
{
    public async Task<IReadOnlyList<NodeAuthDto>> ListAsync(CancellationToken cancellationToken)
    {
        var all = await nodes.ListAsync(cancellationToken);
        var tools = await queries.StatusAsync(null, cancellationToken);
        var views = new List<NodeAuthDto>(all.Count);
        foreach (var node in all)
        {
            views.Add(await ViewAsync(node, [.. tools[node.NodeId]], cancellationToken));
        }
        return views;
    }

    /// <summary>The node's view, or null when there is no such node; <paramref name="checkedNow"/> replaces the stored tools.</summary>
    public async Task<NodeAuthDto?> GetAsync(string nodeId, IReadOnlyList<ToolAuthStatusDto>? checkedNow, CancellationToken cancellationToken)
    {
        if (await nodes.GetAsync(nodeId, cancellationToken) is not { } node)
        {
            return null;
        }
        var tools = checkedNow ?? [.. (await queries.StatusAsync(nodeId, cancellationToken))[nodeId]];
        return await ViewAsync(node, tools, cancellationToken);
    }

    private async Task<NodeAuthDto> ViewAsync(NodeDto node, IReadOnlyList<ToolAuthStatusDto> tools, CancellationToken cancellationToken)
    {
        var sync = await credentials.GetAsync(node.NodeId, cancellationToken);
        return new NodeAuthDto(node.NodeId, node.Status, sync.State, sync.Version, sync.Tools, tools);
    }
}
