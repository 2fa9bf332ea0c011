namespace HalOSwarm.Supervisor.Cost.Budgets;

/// <summary>
/// A stored budget. Exactly one of <see cref="LimitUsd"/> and <see cref="LimitTokens"/> is set; <see cref="Thresholds"/>
/// ascend and end with 100. <see cref="Source"/> is <c>config</c> (from <c>cost.budgets</c>, written again at every start)
/// or <c>api</c>. <see cref="LiftedWindow"/> is the first local day of the window an admin lifted its enforcement for.
/// </summary>
internal sealed record Budget
{
    public const string ConfigSource = "config";
    public const string ApiSource = "api";

    public required string Name { get; init; }
    public required CostScope Scope { get; init; }
    public required string Window { get; init; }
    public decimal? LimitUsd { get; init; }
    public long? LimitTokens { get; init; }
    public required IReadOnlyList<int> Thresholds { get; init; }
    public required string Action { get; init; }
    public required string Source { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public string UpdatedBy { get; init; } = "";
    public DateOnly? LiftedWindow { get; init; }
    public DateTimeOffset? LiftedAt { get; init; }
    public string? LiftedBy { get; init; }

    /// <summary>The definition without its bookkeeping, to tell whether a write changes anything.</summary>
    public bool SameDefinition(Budget other) =>
        Name == other.Name && Scope == other.Scope && Window == other.Window && LimitUsd == other.LimitUsd && LimitTokens == other.LimitTokens
        && Thresholds.SequenceEqual(other.Thresholds) && Action == other.Action;
}
