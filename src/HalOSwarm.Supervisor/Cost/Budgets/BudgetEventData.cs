namespace HalOSwarm.Supervisor.Cost.Budgets;

/// <summary>
/// Data of the budget events: <c>cost.threshold</c> (a threshold crossed, once per window), <c>cost.forecast</c> (a
/// crossing predicted within the horizon, once per window) and <c>cost.budget</c> (what the budget did to a session:
/// <c>abort</c>, <c>kill</c>, or <c>enforce</c> when its action began). Amounts are in the limit's unit:
/// <see cref="SpendUsd"/> and <see cref="LimitUsd"/>, or <see cref="SpendTokens"/> and <see cref="LimitTokens"/>.
/// </summary>
internal sealed record BudgetEventData(string Budget, string Scope, string Window, DateTimeOffset WindowStart, DateTimeOffset ResetsAt)
{
    public int? Threshold { get; init; }
    public decimal? SpendUsd { get; init; }
    public decimal? LimitUsd { get; init; }
    public long? SpendTokens { get; init; }
    public long? LimitTokens { get; init; }
    public decimal? Percent { get; init; }
    public string? Action { get; init; }
    public string? Decision { get; init; }
    public string? Reason { get; init; }
    public string? CommandId { get; init; }
    public string? Project { get; init; }
    public bool? Critical { get; init; }
    public DateTimeOffset? PredictedAt { get; init; }
    public decimal? RatePerHour { get; init; }

    public static BudgetEventData Of(BudgetReading reading) => new(reading.Budget.Name, reading.Budget.Scope.ToString(), reading.Budget.Window,
        reading.Start, reading.ResetsAt)
    {
        SpendUsd = reading.Budget.LimitUsd is null ? null : reading.Spend.Usd,
        LimitUsd = reading.Budget.LimitUsd,
        SpendTokens = reading.Budget.LimitTokens is null ? null : reading.Spend.Tokens,
        LimitTokens = reading.Budget.LimitTokens,
        Percent = decimal.Round(reading.Percent, 2),
        Action = reading.Budget.Action,
    };
}
