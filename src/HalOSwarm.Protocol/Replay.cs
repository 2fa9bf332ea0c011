namespace HalOSwarm.Protocol;

/// <summary>The supervisor saw a gap: resend everything from <see cref="FromSeq"/> on.</summary>
public sealed record Replay(long FromSeq);
