using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Commands;

/// <summary>Write a command's state, attempts, deadline and outcome; completes once that is durable.</summary>
internal sealed record CommandUpdate(CommandDto Command) : AwaitedWrite;
