using System.Collections.Concurrent;
using HalOSwarm.Supervisor.Events;

namespace HalOSwarm.Supervisor.Nodes;

/// <summary>The live, handshaken agent connections by node id: at most one per node.</summary>
internal sealed class AgentRegistry : INodeAcknowledger
{
    private readonly ConcurrentDictionary<string, AgentConnection> _connections = new(StringComparer.Ordinal);

    public ICollection<AgentConnection> Connections => _connections.Values;

    /// <summary>False when another live connection already holds the node id; the older one wins.</summary>
    public bool TryRegister(string nodeId, AgentConnection connection) => _connections.TryAdd(nodeId, connection);

    public void Unregister(string nodeId, AgentConnection connection) =>
        _connections.TryRemove(new KeyValuePair<string, AgentConnection>(nodeId, connection));

    public bool TryGet(string nodeId, out AgentConnection connection) => _connections.TryGetValue(nodeId, out connection!);

    public bool IsConnected(string nodeId) => _connections.ContainsKey(nodeId);

    public void Acknowledge(string nodeId, long durableSeq)
    {
        if (_connections.TryGetValue(nodeId, out var connection))
        {
            connection.SendAck(durableSeq);
        }
    }
}
