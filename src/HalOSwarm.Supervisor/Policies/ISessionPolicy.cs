namespace HalOSwarm.Supervisor.Policies;

/// <summary>
/// A policy judged one session at a time: state + session + now → a decision or nothing. <see cref="Decide"/> may only
/// start a new retry window on the state; everything else changes in <see cref="IPolicy.Applied"/>, after the engine acted.
/// </summary>
internal interface ISessionPolicy : IPolicy
{
    PolicyDecision? Decide(PolicySession session, PolicyState state, DateTimeOffset now);
}
