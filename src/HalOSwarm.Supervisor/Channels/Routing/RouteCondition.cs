namespace HalOSwarm.Supervisor.Channels.Routing;

/// <summary>
/// One parsed <c>where</c> condition. <see cref="RouteConditionKind.Field"/>: <see cref="Field"/> <see cref="Op"/>
/// <see cref="Value"/> on the event; <see cref="RouteConditionKind.IdleFor"/>: the idle sweep's threshold
/// (<see cref="Window"/>); <see cref="RouteConditionKind.Count"/>: at least <see cref="Count"/> matching events of one
/// key within <see cref="Window"/>.
/// </summary>
internal sealed record RouteCondition(RouteConditionKind Kind, string Field, string Op, string Value)
{
    public TimeSpan Window { get; init; }

    public int Count { get; init; }

    /// <summary>The value split at commas, for <c>in</c>.</summary>
    public IReadOnlyList<string> Values { get; init; } = [];

    /// <summary>The value as a number, for the ordering operators.</summary>
    public double? Number { get; init; }

    /// <summary>The data path after <c>data.</c> split at dots; empty for the event's own fields.</summary>
    public IReadOnlyList<string> DataPath { get; init; } = [];
}

internal enum RouteConditionKind
{
    Field,
    IdleFor,
    Count,
}
