namespace HalOSwarm.Supervisor.Storage.Writing;

/// <summary>Which of the writer's two queues an op waits in.</summary>
internal enum WriteLane
{
    /// <summary>What a person or a handshake waits for (commands, audit, hello): unbounded, taken first into every batch.</summary>
    Priority,

    /// <summary>Ingest (agent events, heartbeats): bounded, so a full queue makes the socket readers wait (back-pressure).</summary>
    Bulk,
}
