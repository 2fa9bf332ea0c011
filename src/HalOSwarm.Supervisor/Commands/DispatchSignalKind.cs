namespace HalOSwarm.Supervisor.Commands;

internal enum DispatchSignalKind
{
    Submitted,
    Accepted,
    Result,
    NodeConnected,
    NodeDisconnected,

    /// <summary>Another supervisor stored a command (PostgreSQL): delivered here when its node is connected here.</summary>
    RemoteStored,

    /// <summary>A command finished on another supervisor (PostgreSQL): whoever waits here hears its outcome.</summary>
    RemoteFinished,

    /// <summary>Notifications may have been missed (the listener reconnected): look at the database again.</summary>
    Resync,
}
