namespace HalOSwarm.Supervisor.Cost.Budgets;

/// <summary>Measures a budget: its current window in <c>cost.time_zone</c> and the spend the ledger booked in it.</summary>
internal sealed class BudgetMeter(ICostTotals totals, CostCalendar calendar)
{
    public CostCalendar Calendar => calendar;

    public async Task<BudgetReading> ReadAsync(Budget budget, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (first, last) = calendar.Window(budget.Window, now);
        var spend = await totals.SpendAsync(budget.Scope, first, last, cancellationToken);
        return new BudgetReading(budget, first, last, calendar.StartOf(first), calendar.StartOf(last.AddDays(1)), spend);
    }
}
