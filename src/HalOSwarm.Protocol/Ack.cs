namespace HalOSwarm.Protocol;

/// <summary>Everything up to and including <see cref="Seq"/> is durable in the supervisor's store.</summary>
public sealed record Ack(long Seq);
