namespace HalOSwarm.Supervisor.Channels.Routing;

/// <summary>
/// A routing rule compiled from <c>channels.routes[i]</c> (or a default): which event types it looks at, its
/// conditions, and the targets alerts go to (only those that can be sent: the platform is configured and knows the name).
/// </summary>
internal sealed class RouteRule
{
    public required string Name { get; init; }

    /// <summary><c>*</c>, an exact type, or a prefix ending in <c>.</c> (from <c>policy.*</c>).</summary>
    public required string Match { get; init; }

    public IReadOnlyList<RouteCondition> Fields { get; init; } = [];

    /// <summary>The idle sweep's threshold; such a rule is evaluated by the sweep, never on events.</summary>
    public TimeSpan? IdleFor { get; init; }

    /// <summary>The <c>count &gt;= N within W</c> condition, if any.</summary>
    public RouteCondition? Count { get; init; }

    public IReadOnlyList<string> Targets { get; init; } = [];

    public TimeSpan? Throttle { get; init; }

    public RouteTemplate? Template { get; init; }

    /// <summary>True when a condition reads the session's project (a database read, done only for events of matching type).</summary>
    public bool NeedsProject => Fields.Any(f => f.Field == "project");

    public bool MatchesType(string type) =>
        Match == "*" || (Match.EndsWith('.') ? type.StartsWith(Match, StringComparison.Ordinal) : type == Match);
}
