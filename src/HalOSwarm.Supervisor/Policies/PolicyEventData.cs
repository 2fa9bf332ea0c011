namespace HalOSwarm.Supervisor.Policies;

/// <summary>
/// Data of a <c>policy.&lt;name&gt;</c> event: the decision, why in words, and the numbers it was taken on (only those
/// the policy uses are present). Seconds, dollars and tokens are plain numbers.
/// </summary>
internal sealed record PolicyEventData(string Policy, string Decision, string Reason)
{
    public string? CommandId { get; init; }
    public string? Project { get; init; }
    public double? IdleSeconds { get; init; }
    public double? QuietSeconds { get; init; }
    public double? Threshold { get; init; }
    public int? Attempts { get; init; }
    public int? MaxRetries { get; init; }
    public long? CompactionCount { get; init; }
    public long? ContextTokens { get; init; }
    public double? CostUsd { get; init; }
    public double? DailyCostUsd { get; init; }
    public double? LimitUsd { get; init; }
    public bool? Critical { get; init; }
    public int? ConsecutiveErrors { get; init; }
    public DateTimeOffset? ResumeAt { get; init; }
    public string? Status { get; init; }
}
