using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Environments;

/// <summary>
/// Moves a proposal from <see cref="From"/> to <see cref="To"/>: a decision (<see cref="By"/> set) or the install's end
/// (<see cref="Output"/>); false when it was not in <see cref="From"/> any more (someone else decided first).
/// </summary>
internal sealed record EnvProposalTransition(string Id, string From, string To, DateTimeOffset At, string? By = null, string? Output = null)
    : AwaitedWrite<bool>;
