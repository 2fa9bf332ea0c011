namespace HalOSwarm.Supervisor.Environments;

/// <summary>
/// Data of <c>env.check.failed</c>: <see cref="Project"/> on <see cref="Node"/> is not ready (<see cref="Verdict"/>);
/// <see cref="Items"/> are the items that are not. Recorded when the verdict or the set of failing items changed since
/// the previous check, not at every check.
/// </summary>
internal sealed record EnvCheckFailedData(string Node, string Project, string Verdict, IReadOnlyList<EnvItemChange> Items);
