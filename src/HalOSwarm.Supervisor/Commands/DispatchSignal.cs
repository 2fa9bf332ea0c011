using HalOSwarm.Protocol;

namespace HalOSwarm.Supervisor.Commands;

/// <summary>Work for the dispatcher's loop, which alone changes the state of tracked commands.</summary>
internal sealed record DispatchSignal(DispatchSignalKind Kind, string? NodeId = null, string? CommandId = null,
    CommandResult? Result = null, TrackedCommand? Command = null);
