namespace HalOSwarm.Supervisor.Commands;

internal enum DispatchSignalKind
{
    Submitted,
    Accepted,
    Result,
    NodeConnected,
    NodeDisconnected,
}
