using System.Text.Json;

namespace HalOSwarm.Supervisor.Cost.Budgets;

/// <summary>
/// The once-per-window records of the budgets (thresholds, forecasts, the start of an enforcement) with their events. What
/// is recorded is remembered in memory per budget and window (read from the database the first time), so a pass over a
/// budget that crossed nothing new writes nothing; the table's key makes a record once even across restarts. Used by the
/// evaluator's one loop only.
/// </summary>
internal sealed class BudgetMarks(BudgetStore store)
{
    private readonly Dictionary<(string Budget, DateOnly Window), HashSet<(string Kind, int Threshold)>> _known = [];

    /// <summary>Records (kind, threshold) for the reading's budget and window with its event; true the first time.</summary>
    public async Task<bool> RecordAsync(BudgetReading reading, string kind, int threshold, DateTimeOffset at, string eventType, BudgetEventData data,
        CancellationToken cancellationToken)
    {
        var key = (reading.Budget.Name, reading.First);
        if (!_known.TryGetValue(key, out var known))
        {
            known = [.. await store.MarksAsync(reading.Budget.Name, reading.First, cancellationToken)];
            _known[key] = known;
        }
        if (known.Contains((kind, threshold)))
        {
            return false;
        }
        var json = JsonSerializer.Serialize(data, BudgetEventJsonContext.Default.BudgetEventData);
        var added = await store.MarkAsync(new BudgetMark(reading.Budget.Name, reading.First, kind, threshold, at, reading.Spend, eventType, json),
            cancellationToken);
        known.Add((kind, threshold));
        return added;
    }

    /// <summary>Forgets the windows that ended (their marks stay in the database as history).</summary>
    public void ForgetBefore(DateOnly day)
    {
        foreach (var key in _known.Keys.Where(k => k.Window < day.AddDays(-31)).ToList())
        {
            _known.Remove(key);
        }
    }
}
