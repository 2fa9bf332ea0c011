using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Placement;

/// <summary>
/// The <c>placement</c> section: which node a <c>start</c> without a node goes to, and how many live sessions a machine
/// takes.
/// </summary>
internal sealed class PlacementOptions
{
    public const string SectionName = "placement";

    /// <summary><c>least_loaded</c>, <c>round_robin</c>, <c>most_quota_left</c> or <c>pinned</c>.</summary>
    [ConfigurationKeyName("strategy")]
    public string Strategy { get; set; } = PlacementStrategies.LeastLoaded;

    /// <summary>
    /// A machine's capacity: node id → the most live sessions it takes, whatever their project. A start never goes to
    /// a node at its limit (the charter's <c>max_sessions_per_node</c>, a rule per project, counts too).
    /// </summary>
    [ConfigurationKeyName("node_limits")]
    public Dictionary<string, int> NodeLimits { get; set; } = new(StringComparer.Ordinal);

    /// <summary>For <c>pinned</c>: project → the nodes its sessions go to (in this order of preference).</summary>
    [ConfigurationKeyName("pins")]
    public Dictionary<string, List<string>> Pins { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The capacity of <paramref name="nodeId"/>, null when it has none.</summary>
    public int? CapacityOf(string nodeId) => NodeLimits.TryGetValue(nodeId, out var limit) ? limit : null;
}

internal static class PlacementStrategies
{
    public const string LeastLoaded = "least_loaded";
    public const string RoundRobin = "round_robin";
    public const string MostQuotaLeft = "most_quota_left";
    public const string Pinned = "pinned";

    public static readonly IReadOnlyList<string> All = [LeastLoaded, RoundRobin, MostQuotaLeft, Pinned];
}
