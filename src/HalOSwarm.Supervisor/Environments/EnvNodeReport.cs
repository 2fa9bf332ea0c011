namespace HalOSwarm.Supervisor.Environments;

/// <summary>
/// A project's environment on one node: the latest check's verdict, time, who asked and its items; all null/empty before
/// the first check. From <c>POST …/check</c>, <see cref="ErrorCode"/> and <see cref="Error"/> say why a node could not check.
/// </summary>
internal sealed record EnvNodeReport(
    string NodeId,
    bool NodeOnline,
    string? Verdict,
    DateTimeOffset? CheckedAt,
    string? CheckedBy,
    IReadOnlyList<EnvItemView> Items,
    string? ErrorCode = null,
    string? Error = null);
