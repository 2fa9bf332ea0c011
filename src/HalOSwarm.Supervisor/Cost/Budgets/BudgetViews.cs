using HalOSwarm.Supervisor.Cost.Forecast;

namespace HalOSwarm.Supervisor.Cost.Budgets;

/// <summary>Measures a budget now and forecasts it, for the API.</summary>
internal sealed class BudgetViews(BudgetMeter meter, CostForecast forecast, TimeProvider timeProvider)
{
    public async Task<BudgetView> ViewAsync(Budget budget, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var reading = await meter.ReadAsync(budget, now, cancellationToken);
        return BudgetView.Of(reading, await forecast.ForBudgetAsync(reading, now, cancellationToken));
    }
}
