using HalOSwarm.Supervisor.Channels.Alerts;

namespace HalOSwarm.Supervisor.Channels.Delivery;

/// <summary>
/// A due delivery as the dispatcher sends it: the alert as it is now (with its answer), and for an update the state and
/// message reference of the post it edits.
/// </summary>
internal sealed record OutboxItem(long Id, string Target, string Op, int Attempts, Alert Alert, string? PostState, string? PostRef)
{
    /// <summary>The platform kind (<c>discord</c> of <c>discord:alerts</c>).</summary>
    public string Kind => Target.Split(':', 2)[0];

    /// <summary>The target within its platform (<c>alerts</c> of <c>discord:alerts</c>).</summary>
    public string Name => Target.Split(':', 2) is [_, var name] ? name : "";
}
