namespace HalOSwarm.Supervisor.Nodes;

/// <summary>Something for a connection's send loop: a text frame, or the close (then nothing more).</summary>
internal readonly record struct OutboundFrame(byte[]? Frame, int CloseCode, string? CloseReason);
