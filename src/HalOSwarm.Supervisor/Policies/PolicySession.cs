using HalOSwarm.Protocol;

namespace HalOSwarm.Supervisor.Policies;

/// <summary>
/// What the policies read of a session. <see cref="LastActivityAt"/> is its latest event: for an idle session the moment
/// it went idle, for a running one the last sign of progress.
/// </summary>
internal sealed record PolicySession(
    string SessionId,
    string NodeId,
    string? Project,
    string Status,
    double CostUsd,
    long CompactionCount,
    long ContextTokens,
    DateTimeOffset LastActivityAt)
{
    /// <summary>Idle or stopped by an error: a prompt may be sent.</summary>
    public bool IsQuiet => Status is SessionStatuses.Idle or SessionStatuses.Error;

    public bool IsBusy => Status is SessionStatuses.Running or SessionStatuses.Starting;

    public bool IsTerminal => SessionStatuses.IsTerminal(Status);
}
