namespace HalOSwarm.Protocol;

/// <summary>
/// The supervisor's answer to hello. <see cref="DurableSeq"/> is the highest contiguous seq of this node
/// already stored; the agent drops everything up to it and resends everything after it.
/// </summary>
public sealed record Welcome(
    int ProtocolVersion,
    long DurableSeq,
    int HeartbeatIntervalSec,
    int HeartbeatTimeoutCount,
    int MaxFrameBytes,
    int MaxBatchEvents);
