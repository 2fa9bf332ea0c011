using HalOSwarm.Protocol;

namespace HalOSwarm.Supervisor.Commands;

/// <summary>What the agent socket tells command dispatch: results, and that a node went away.</summary>
internal interface ICommandResultSink
{
    void Complete(string nodeId, CommandResult result);

    void NodeDisconnected(string nodeId);
}
