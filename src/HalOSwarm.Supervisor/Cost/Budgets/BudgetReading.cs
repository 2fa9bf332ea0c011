using System.Globalization;

namespace HalOSwarm.Supervisor.Cost.Budgets;

/// <summary>
/// A budget measured at one instant: its current window (<see cref="Start"/> is the local midnight it began,
/// <see cref="ResetsAt"/> the one that ends it), the spend booked in it and the percent of the limit.
/// </summary>
internal sealed record BudgetReading(Budget Budget, DateOnly First, DateOnly Last, DateTimeOffset Start, DateTimeOffset ResetsAt, CostSpend Spend)
{
    public decimal Limit => Budget.LimitUsd ?? Budget.LimitTokens ?? 0;

    /// <summary>USD or tokens, whichever the limit is in.</summary>
    public decimal Spent => Budget.LimitUsd is null ? Spend.Tokens : Spend.Usd;

    public decimal Percent => Limit <= 0 ? 0 : Spent * 100m / Limit;

    public bool Lifted => Budget.LiftedWindow == First;

    /// <summary>At 100 % with an action beyond an alert, and not lifted for this window.</summary>
    public bool Enforcing => Percent >= 100 && Budget.Action != BudgetActions.Alert && !Lifted;

    public IReadOnlyList<int> Reached => [.. Budget.Thresholds.Where(t => Percent >= t)];

    /// <summary><c>ok</c>, <c>warning</c> (a threshold below 100 reached), <c>exceeded</c> (an alert budget at 100 %), <c>blocking</c>, <c>paused</c>, <c>killing</c> or <c>lifted</c>.</summary>
    public string State => Percent < 100
        ? Reached.Count > 0 ? "warning" : "ok"
        : Lifted && Budget.Action != BudgetActions.Alert ? "lifted"
        : Budget.Action switch
        {
            BudgetActions.BlockNew => "blocking",
            BudgetActions.Pause => "paused",
            BudgetActions.Kill => "killing",
            _ => "exceeded",
        };

    /// <summary>An amount in the limit's unit: <c>$12.5</c> or <c>1200 tokens</c>.</summary>
    public string Amount(decimal value) => Budget.LimitUsd is null
        ? $"{value.ToString("0", CultureInfo.InvariantCulture)} tokens"
        : $"${decimal.Round(value, 4).ToString("0.00##", CultureInfo.InvariantCulture)}";

    /// <summary>"budget 'x' (project:alpha) reached: $12.50 of $10.00 (daily, resets at 2026-11-26T00:00:00+01:00)".</summary>
    public string Reason =>
        $"budget '{Budget.Name}' ({Budget.Scope}) reached: {Amount(Spent)} of {Amount(Limit)} ({Budget.Window}, resets at "
        + $"{ResetsAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)})";
}
