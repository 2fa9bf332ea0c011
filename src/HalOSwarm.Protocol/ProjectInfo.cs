namespace HalOSwarm.Protocol;

/// <summary>
/// A project the agent hosts: a name unique on the node, its working directory, the runtime its
/// sessions run in and whether that runtime can run them (<see cref="RuntimeStatus"/> <c>ready</c> or
/// <c>unavailable</c>, with the <see cref="Reason"/>).
/// </summary>
public sealed record ProjectInfo(string Name, string Directory, string? Runtime = null, string? RuntimeStatus = null, string? Reason = null);
