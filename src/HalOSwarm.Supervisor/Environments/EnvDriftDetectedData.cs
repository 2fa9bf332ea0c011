namespace HalOSwarm.Supervisor.Environments;

/// <summary>
/// Data of <c>env.drift.detected</c>: <see cref="Items"/> were ready on <see cref="Node"/> at the previous check of
/// <see cref="Project"/> and are not any more (AGENT.md edited by hand, a tool removed, a variable unset).
/// </summary>
internal sealed record EnvDriftDetectedData(string Node, string Project, string Verdict, IReadOnlyList<EnvItemChange> Items);
