using HalOSwarm.Protocol;

namespace HalOSwarm.Supervisor.Commands;

/// <summary>What the agent socket tells command dispatch. Calls only queue work; they never block the socket.</summary>
internal interface ICommandResultSink
{
    void Accepted(string nodeId, string commandId);

    void Complete(string nodeId, CommandResult result);

    void NodeConnected(string nodeId);

    void NodeDisconnected(string nodeId);
}
