namespace HalOSwarm.Supervisor.Environments;

/// <summary>
/// A row of <c>GET /api/v1/env</c>: one project on one node that hosts it (or was checked there): the latest check's
/// verdict and time, both null before the first check; <see cref="Failing"/> counts its items that are not ready.
/// </summary>
internal sealed record EnvStatusRow(string Project, string NodeId, bool NodeOnline, string? Verdict, DateTimeOffset? CheckedAt, int Failing);
