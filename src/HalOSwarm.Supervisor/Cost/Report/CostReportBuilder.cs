using System.Globalization;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;

namespace HalOSwarm.Supervisor.Cost.Report;

/// <summary>
/// Puts the report together: the ledger's slice of the period, the daily average, and per provider the metered and billed
/// UTC days side by side. Billing that cannot be read marks the providers degraded; the rest of the report is served.
/// </summary>
internal static partial class CostReportBuilder
{
    /// <summary>The status of a provider no poller reports on (no key configured, or no billing API for it).</summary>
    public const string NotConfigured = "not_configured";

    public const string Degraded = "degraded";

    public static async Task<CostReport> BuildAsync(CostReportRequest request, IDatabase database, CostCalendar calendar, IProviderBilling billing,
        ILogger logger, CancellationToken cancellationToken)
    {
        var utcFirst = DateOnly.FromDateTime(calendar.StartOf(request.First).UtcDateTime);
        var utcLast = DateOnly.FromDateTime(calendar.StartOf(request.Last.AddDays(1)).UtcDateTime.AddTicks(-1));
        var slice = await CostLedgerReader.ReadAsync(database, request, utcFirst, utcLast, cancellationToken);
        var (billed, failure) = await BilledAsync(billing, utcFirst, utcLast, logger, cancellationToken);
        var elapsed = Math.Max(0, Math.Min(request.Last.DayNumber, request.Today.DayNumber) - request.First.DayNumber + 1);
        return new CostReport
        {
            Period = new CostReportPeriod
            {
                Name = request.Period,
                From = request.First,
                To = request.Last,
                TimeZone = calendar.Zone.Id,
                Days = request.Last.DayNumber - request.First.DayNumber + 1,
                DaysElapsed = elapsed,
                UtcFrom = utcFirst,
                UtcTo = utcLast,
            },
            GroupBy = request.GroupBy,
            Totals = slice.Totals,
            DailyAverage = Average(slice.Totals, elapsed),
            Rows = slice.Rows,
            RowsOmitted = slice.Groups - slice.Rows.Count,
            Providers = Reconcile(slice.Metered, billed, failure),
        };
    }

    private static CostDailyAverage Average(CostAmounts totals, int days) => days == 0
        ? new CostDailyAverage { CostUsd = 0m, EquivalentUsd = 0m, Tokens = 0, Messages = 0m }
        : new CostDailyAverage
        {
            CostUsd = Usd(totals.CostUsd / days),
            EquivalentUsd = Usd(totals.EquivalentUsd / days),
            Tokens = (long)decimal.Round((decimal)totals.Tokens.Total / days, 0, MidpointRounding.AwayFromZero),
            Messages = Trim(decimal.Round((decimal)totals.Messages / days, 2, MidpointRounding.AwayFromZero)),
        };

    /// <summary>Rounded to 10^-9 USD and without trailing zeros (JSON writes a decimal's scale), as the ledger's sums are written.</summary>
    private static decimal Usd(decimal value) => Trim(decimal.Round(value, 9, MidpointRounding.ToEven));

    private static decimal Trim(decimal value) =>
        decimal.Parse(value.ToString("0.#########", CultureInfo.InvariantCulture), NumberStyles.Number, CultureInfo.InvariantCulture);

    private static async Task<(ProviderBillingReport Billed, ProviderPollStatus? Failure)> BilledAsync(IProviderBilling billing, DateOnly utcFirst,
        DateOnly utcLast, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            return (await billing.GetAsync(utcFirst, utcLast, cancellationToken), null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogBillingUnreadable(logger, ex);
            return (ProviderBillingReport.Empty, new ProviderPollStatus("", Degraded, null, "the billed amounts could not be read; see the supervisor's log"));
        }
    }

    /// <summary>Every provider metered, billed or polled, by name; <paramref name="failure"/> (billing unreadable) is every provider's status.</summary>
    private static List<ProviderReconciliation> Reconcile(IReadOnlyList<MeteredDay> metered, ProviderBillingReport billed, ProviderPollStatus? failure)
    {
        var statuses = billed.Providers.ToDictionary(p => p.Provider, StringComparer.Ordinal);
        var names = metered.Select(m => m.Provider).Concat(billed.Days.Select(d => d.Provider)).Concat(statuses.Keys)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var result = new List<ProviderReconciliation>();
        foreach (var name in names)
        {
            var ours = metered.Where(m => m.Provider == name).ToDictionary(m => m.Day, m => m.MeteredUsd);
            var theirs = billed.Days.Where(d => d.Provider == name).GroupBy(d => d.Day).ToDictionary(g => g.Key, g => g.Sum(d => d.BilledUsd));
            var days = ours.Keys.Union(theirs.Keys).Order().Select(day =>
            {
                var m = ours.GetValueOrDefault(day);
                decimal? b = theirs.TryGetValue(day, out var value) ? value : null;
                return new ProviderDayReconciliation { Date = day, MeteredUsd = m, BilledUsd = b, DifferenceUsd = b - m };
            }).ToList();
            var status = failure ?? statuses.GetValueOrDefault(name);
            var billedDays = days.Where(d => d.BilledUsd is not null).ToList();
            result.Add(new ProviderReconciliation
            {
                Provider = name,
                Status = status?.State ?? NotConfigured,
                LastSuccessAt = status?.LastSuccessAt,
                Error = status?.Error,
                MeteredUsd = days.Sum(d => d.MeteredUsd),
                BilledUsd = billedDays.Count == 0 ? null : billedDays.Sum(d => d.BilledUsd!.Value),
                DifferenceUsd = billedDays.Count == 0 ? null : billedDays.Sum(d => d.DifferenceUsd!.Value),
                Days = days,
            });
        }
        return result;
    }
}
