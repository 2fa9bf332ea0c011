using HalOSwarm.Supervisor.Cost.Budgets;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Cost.Forecast;

/// <summary>
/// Spend rate over the last <c>cost.forecast.window_minutes</c> → projected day and month totals (<see cref="GetAsync"/>,
/// for the cost report) and each budget's predicted crossing (<see cref="ForBudgetAsync"/>, for the budgets API and the
/// <c>cost.forecast</c> event).
/// </summary>
internal sealed class CostForecast(ICostTotals totals, CostCalendar calendar, IOptions<CostOptions> options, TimeProvider timeProvider)
{
    private ForecastOptions Settings => options.Value.Forecast;

    public async Task<CostForecastSnapshot> GetAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var (rate, _) = await RateAsync(CostScope.Global, now, cancellationToken);
        var (dayFirst, dayLast) = calendar.Window(CostWindows.Daily, now);
        var (monthFirst, monthLast) = calendar.Window(CostWindows.Monthly, now);
        var day = await totals.SpendAsync(CostScope.Global, dayFirst, dayLast, cancellationToken);
        var month = await totals.SpendAsync(CostScope.Global, monthFirst, monthLast, cancellationToken);
        var hoursLeftDay = Hours(calendar.StartOf(dayLast.AddDays(1)) - now);
        var hoursLeftMonth = Hours(calendar.StartOf(monthLast.AddDays(1)) - now);
        return new CostForecastSnapshot
        {
            At = now,
            WindowMinutes = Settings.WindowMinutes,
            RateUsdPerHour = Round(rate.Usd),
            RateTokensPerHour = decimal.Round(rate.Tokens, 0),
            SpentDayUsd = day.Usd,
            ProjectedDayUsd = Round(day.Usd + rate.Usd * hoursLeftDay),
            SpentMonthUsd = month.Usd,
            ProjectedMonthUsd = Round(month.Usd + rate.Usd * hoursLeftMonth),
        };
    }

    public async Task<BudgetForecast> ForBudgetAsync(BudgetReading reading, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (rate, _) = await RateAsync(reading.Budget.Scope, now, cancellationToken);
        var perHour = reading.Budget.LimitUsd is null ? rate.Tokens : rate.Usd;
        if (perHour <= 0 || reading.Spent >= reading.Limit)
        {
            return new BudgetForecast(Round(perHour), null, false);
        }
        var hours = (reading.Limit - reading.Spent) / perHour;
        if (hours > Hours(reading.ResetsAt - now))
        {
            return new BudgetForecast(Round(perHour), null, false);
        }
        var crossing = now + TimeSpan.FromSeconds((double)decimal.Round(hours * 3600m, 0));
        return new BudgetForecast(Round(perHour), crossing, hours <= Settings.HorizonHours);
    }

    /// <summary>Spend per hour of <paramref name="scope"/> since the UTC hour holding now − window_minutes.</summary>
    private async Task<((decimal Usd, decimal Tokens) PerHour, CostSpend Spend)> RateAsync(CostScope scope, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = CostCalendar.UtcHour(now - TimeSpan.FromMinutes(Settings.WindowMinutes));
        var spend = await totals.SpendSinceAsync(scope, since, cancellationToken);
        var hours = Math.Max(Hours(now - since), 1m / 60m);
        return ((spend.Usd / hours, spend.Tokens / hours), spend);
    }

    private static decimal Hours(TimeSpan span) => (decimal)Math.Max(0, span.TotalHours);

    private static decimal Round(decimal value) => decimal.Round(value, 6);
}
