using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Policies;

namespace HalOSwarm.Supervisor.Tests.Policies;

/// <summary>Session snapshots for policy tests.</summary>
internal static class Sessions
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    public static PolicySession Idle(string id = "ses_1", DateTimeOffset? since = null, string? project = "alpha") =>
        new(id, "node-1", project, SessionStatuses.Idle, 0, 0, 0, since ?? T0);

    public static PolicySession Running(string id = "ses_1", DateTimeOffset? lastActivity = null, string? project = "alpha") =>
        new(id, "node-1", project, SessionStatuses.Running, 0, 0, 0, lastActivity ?? T0);
}
