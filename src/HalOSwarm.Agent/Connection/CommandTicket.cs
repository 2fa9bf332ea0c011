using HalOSwarm.Protocol;

namespace HalOSwarm.Agent.Connection;

/// <summary>
/// What became of a received command: <see cref="Accepted"/> when this delivery started it (send
/// <c>command_accepted</c>), and the result to send once <see cref="Result"/> completes.
/// </summary>
internal sealed record CommandTicket(bool Accepted, Task<CommandResult> Result);
