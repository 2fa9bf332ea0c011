namespace HalOSwarm.Agent.Connection;

/// <summary>Unacknowledged seqs still held: <see cref="First"/>..<see cref="Last"/>, empty when First &gt; Last.</summary>
internal sealed record OutboxRange(long First, long Last);
