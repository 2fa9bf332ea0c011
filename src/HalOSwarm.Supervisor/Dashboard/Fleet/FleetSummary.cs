namespace HalOSwarm.Supervisor.Dashboard.Fleet;

/// <summary>The counts at the top of the fleet page (whole fleet, not the filtered list).</summary>
internal sealed record FleetSummary(
    long NodesOnline,
    long NodesOffline,
    IReadOnlyDictionary<string, long> SessionsByStatus,
    long Attention,
    IReadOnlyList<string> Projects,
    IReadOnlyList<string> Runtimes);
