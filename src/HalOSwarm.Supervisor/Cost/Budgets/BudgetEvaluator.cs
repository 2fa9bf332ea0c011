using HalOSwarm.Supervisor.Cost.Forecast;

namespace HalOSwarm.Supervisor.Cost.Budgets;

/// <summary>
/// Evaluates every budget every <see cref="Interval"/> and whenever <see cref="BudgetSignal"/> wakes it (usage booked, a
/// budget changed or lifted): its current window and spend, each threshold crossed (recorded once per window as
/// <c>cost.threshold</c>), a crossing predicted within the horizon (once per window as <c>cost.forecast</c>), the action at
/// 100 % (<see cref="BudgetEnforcer"/>), and at the end of each pass the held prompts no budget holds any more are sent.
/// A window ends by itself: the next pass measures the new window, which starts from zero spend and no marks.
/// </summary>
internal sealed partial class BudgetEvaluator(
    BudgetStore store, BudgetMeter meter, BudgetMarks marks, CostForecast forecast, BudgetEnforcer enforcer, BudgetHolds holds, BudgetSignal signal,
    TimeProvider timeProvider, ILogger<BudgetEvaluator> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Wakes come with every committed batch of usage; passes they trigger are at least this far apart, so heavy ingest
    /// costs at most four passes a second. Measured in real time (a guard of the machine's load, not a budget's clock).
    /// </summary>
    public static readonly TimeSpan MinWakeSpacing = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var timer = new PeriodicTimer(Interval, timeProvider);
            Task<bool>? tick = null;
            Task? wake = null;
            while (true)
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                await PassAsync(stoppingToken);
                tick ??= timer.WaitForNextTickAsync(stoppingToken).AsTask();
                wake ??= signal.WaitAsync(stoppingToken);
                await Task.WhenAny(tick, wake);
                if (tick.IsCompleted)
                {
                    await tick;
                    tick = null;
                }
                if (wake.IsCompleted)
                {
                    await wake;
                    wake = null;
                    var since = System.Diagnostics.Stopwatch.GetElapsedTime(started);
                    if (since < MinWakeSpacing)
                    {
                        await Task.Delay(MinWakeSpacing - since, stoppingToken);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task PassAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        foreach (var budget in store.All)
        {
            try
            {
                await EvaluateAsync(budget, now, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, budget.Name, ex);
            }
        }
        try
        {
            if (await holds.ReleaseAsync(cancellationToken) is > 0 and var released)
            {
                LogReleased(logger, released);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, "(held commands)", ex);
        }
        marks.ForgetBefore(DateOnly.FromDateTime(now.UtcDateTime));
    }

    private async Task EvaluateAsync(Budget budget, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reading = await meter.ReadAsync(budget, now, cancellationToken);
        foreach (var threshold in reading.Reached)
        {
            var data = BudgetEventData.Of(reading) with { Threshold = threshold };
            if (await marks.RecordAsync(reading, "threshold", threshold, now, BudgetEventTypes.Threshold, data, cancellationToken))
            {
                LogThreshold(logger, budget.Name, threshold, reading.Amount(reading.Spent), reading.Amount(reading.Limit));
            }
        }
        var predicted = await forecast.ForBudgetAsync(reading, now, cancellationToken);
        if (predicted is { WithinHorizon: true, CrossingAt: { } at })
        {
            var data = BudgetEventData.Of(reading) with { PredictedAt = at, RatePerHour = predicted.RatePerHour };
            if (await marks.RecordAsync(reading, "forecast", 0, now, BudgetEventTypes.Forecast, data, cancellationToken))
            {
                LogForecast(logger, budget.Name, at);
            }
        }
        if (reading.Enforcing)
        {
            await enforcer.EnforceAsync(reading, now, cancellationToken);
        }
    }
}
