namespace HalOSwarm.Protocol;

/// <summary>
/// First frame from the agent. <see cref="NodeId"/> is the stable id the agent persisted in its state
/// directory, not the hostname. <see cref="OutboxFirstSeq"/>..<see cref="OutboxLastSeq"/> is the range
/// still unacknowledged in the agent's outbox (first &gt; last when it is empty). <see cref="RuntimeDetails"/>
/// carries each runtime's version or the reason it is unavailable.
/// </summary>
public sealed record Hello(
    string NodeId,
    string Hostname,
    string AgentVersion,
    IReadOnlyList<int> ProtocolVersions,
    IReadOnlyList<ProjectInfo> Projects,
    IReadOnlyList<string> Runtimes,
    ResourceUsage Resources,
    IReadOnlyList<SessionSnapshot> Sessions,
    long OutboxFirstSeq,
    long OutboxLastSeq,
    IReadOnlyList<RuntimeInfo>? RuntimeDetails = null);
