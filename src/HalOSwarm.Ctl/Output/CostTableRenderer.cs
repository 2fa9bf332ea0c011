using System.Globalization;
using HalOSwarm.Ctl.Api;
using Spectre.Console;

namespace HalOSwarm.Ctl.Output;

/// <summary>
/// The cost report for people: one table of the groups with the total and the daily average under them, then the
/// providers with what we metered next to what they billed.
/// </summary>
internal static class CostTableRenderer
{
    public static void Render(IAnsiConsole console, CostReportDto report)
    {
        var p = report.Period;
        var days = p.Days == 1 ? "1 day" : $"{p.Days} days";
        var elapsed = p.DaysElapsed == p.Days ? "" : $", {p.DaysElapsed} begun";
        console.WriteLine(p.From == p.To ? $"cost {p.Name}: {p.From} ({p.TimeZone})" : $"cost {p.Name}: {p.From} to {p.To} ({p.TimeZone}, {days}{elapsed})");
        var equivalent = report.Totals.EquivalentUsd != 0m;
        var table = new Table().Border(TableBorder.Simple);
        foreach (var dimension in report.GroupBy)
        {
            table.AddColumn(dimension.ToUpperInvariant());
        }
        foreach (var column in new[] { "MESSAGES", "INPUT", "OUTPUT", "REASONING", "CACHE READ", "CACHE WRITE", "TOKENS", "COST" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }
        if (equivalent)
        {
            table.AddColumn(new TableColumn("EQUIVALENT").RightAligned());
        }
        foreach (var row in report.Rows)
        {
            table.AddRow([.. report.GroupBy.Select(d => new Text(row.Dimension(d) ?? "-")), .. Amounts(row.Messages, row.Tokens, row.CostUsd, row.EquivalentUsd, equivalent)]);
        }
        var t = report.Totals;
        table.AddRow([.. Label("TOTAL", report.GroupBy.Count), .. Amounts(t.Messages, t.Tokens, t.CostUsd, t.EquivalentUsd, equivalent)]);
        var a = report.DailyAverage;
        table.AddRow([.. Label("DAILY AVERAGE", report.GroupBy.Count), new Text(a.Messages.ToString("0.##", CultureInfo.InvariantCulture)),
            .. Blank(5), new Text(Humanize.Tokens(a.Tokens)), new Text(Humanize.Cost(a.CostUsd)), .. equivalent ? [new Text(Humanize.Cost(a.EquivalentUsd))] : Blank(0)]);
        console.Write(table);
        if (report.RowsOmitted > 0)
        {
            console.WriteLine($"{report.RowsOmitted} more groups not shown (the total includes them; raise --limit)");
        }
        if (equivalent)
        {
            console.WriteLine($"EQUIVALENT: subscription logins' usage at API prices ({Humanize.Cost(t.EquivalentUsd)}), not billed per token and not in COST");
        }
        RenderProviders(console, report);
        RenderForecast(console, report.Forecast);
    }

    private static void RenderForecast(IAnsiConsole console, CostForecastDto? forecast)
    {
        if (forecast is null)
        {
            return;
        }
        var f = forecast.Fleet;
        console.WriteLine($"forecast at {Humanize.Cost(f.RateUsdPerHour)}/h (the last {f.WindowMinutes} min): today {Humanize.Cost(f.SpentDayUsd)} -> "
            + $"{Humanize.Cost(f.ProjectedDayUsd)}, this month {Humanize.Cost(f.SpentMonthUsd)} -> {Humanize.Cost(f.ProjectedMonthUsd)}");
        foreach (var budget in forecast.Budgets)
        {
            var spent = budget.LimitUsd is { } usd
                ? $"{Humanize.Cost(budget.SpendUsd)} of {Humanize.Cost(usd)}"
                : $"{Humanize.Tokens(budget.SpendTokens)} of {Humanize.Tokens(budget.LimitTokens ?? 0)} tokens";
            var when = budget.Percent >= 100 ? "reached"
                : budget.CrossingAt is { } at ? "crosses at " + Humanize.Time(at)
                : "not crossed before it resets at " + Humanize.Time(budget.ResetsAt);
            console.WriteLine($"budget {budget.Name} ({budget.Scope}, {budget.Window}): {spent} ({budget.Percent.ToString("0.##", CultureInfo.InvariantCulture)} %), {when}");
        }
    }

    private static void RenderProviders(IAnsiConsole console, CostReportDto report)
    {
        if (report.Providers.Count == 0)
        {
            return;
        }
        console.WriteLine($"metered (ours) vs billed (provider), UTC days {report.Period.UtcFrom} to {report.Period.UtcTo}:");
        var table = new Table().Border(TableBorder.Simple).AddColumns("PROVIDER", "STATUS")
            .AddColumn(new TableColumn("METERED").RightAligned()).AddColumn(new TableColumn("BILLED").RightAligned())
            .AddColumn(new TableColumn("DIFFERENCE").RightAligned()).AddColumn("LAST POLL");
        foreach (var provider in report.Providers)
        {
            table.AddRow(new Text(provider.Provider), new Text(provider.Status), new Text(Humanize.Cost(provider.MeteredUsd)),
                new Text(provider.BilledUsd is { } billed ? Humanize.Cost(billed) : "-"), new Text(Difference(provider.DifferenceUsd)),
                new Text(Humanize.Time(provider.LastSuccessAt)));
        }
        console.Write(table);
        foreach (var provider in report.Providers.Where(p => p.Error is not null))
        {
            console.WriteLine($"{provider.Provider} is {provider.Status}: {provider.Error}");
        }
    }

    private static IEnumerable<Text> Amounts(long messages, CostTokensDto tokens, decimal cost, decimal equivalentUsd, bool equivalent)
    {
        yield return new Text(messages.ToString(CultureInfo.InvariantCulture));
        foreach (var count in new[] { tokens.Input, tokens.Output, tokens.Reasoning, tokens.CacheRead, tokens.CacheWrite, tokens.Total })
        {
            yield return new Text(Humanize.Tokens(count));
        }
        yield return new Text(Humanize.Cost(cost));
        if (equivalent)
        {
            yield return new Text(Humanize.Cost(equivalentUsd));
        }
    }

    /// <summary>The label in the first column and blanks under the other dimensions (a report grouped by nothing has none).</summary>
    private static IEnumerable<Text> Label(string label, int dimensions) =>
        dimensions == 0 ? [] : [new Text(label), .. Blank(dimensions - 1)];

    private static IEnumerable<Text> Blank(int count) => Enumerable.Repeat(new Text(""), count);

    private static string Difference(decimal? usd) => usd switch
    {
        null => "-",
        < 0 => "-" + Humanize.Cost(-usd.Value),
        _ => "+" + Humanize.Cost(usd.Value),
    };
}
