namespace HalOSwarm.Supervisor.Dashboard.Fleet;

/// <summary>One page of a list and how many rows the whole (filtered) list has.</summary>
internal sealed record FleetPage<T>(IReadOnlyList<T> Rows, long Total);
