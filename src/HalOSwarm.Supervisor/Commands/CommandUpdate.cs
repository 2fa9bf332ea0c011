using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Commands;

/// <summary>
/// Write a command's state, attempts, deadline and outcome; completes once that is durable. <see cref="Refinished"/>:
/// the command had ended already (a late result), so its end is not counted a second time.
/// </summary>
internal sealed record CommandUpdate(CommandDto Command, bool Refinished = false) : AwaitedWrite;
