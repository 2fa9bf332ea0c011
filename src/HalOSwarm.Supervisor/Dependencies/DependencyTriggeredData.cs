namespace HalOSwarm.Supervisor.Dependencies;

/// <summary>
/// Data of <c>dependency.triggered</c>: <see cref="Project"/> has every one of <see cref="DependsOn"/> done since
/// <see cref="Milestone"/> (the project whose milestone completed the set, event <see cref="MilestoneEventId"/>).
/// <see cref="Started"/> says whether a session was started (<see cref="CommandId"/>); <see cref="Reason"/> says why not.
/// </summary>
internal sealed record DependencyTriggeredData(
    string Project,
    IReadOnlyList<string> DependsOn,
    string Milestone,
    string MilestoneSource,
    long MilestoneEventId,
    bool AutoStart,
    bool Started,
    string? CommandId,
    string Reason);
