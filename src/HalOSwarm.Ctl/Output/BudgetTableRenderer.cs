using System.Globalization;
using HalOSwarm.Ctl.Api;
using Spectre.Console;

namespace HalOSwarm.Ctl.Output;

/// <summary>Budgets as a table: limit, spend and percent in the limit's unit, state, reset and predicted crossing.</summary>
internal static class BudgetTableRenderer
{
    public static void RenderList(IAnsiConsole console, IReadOnlyList<BudgetDto> budgets)
    {
        if (budgets.Count == 0)
        {
            console.WriteLine("no budgets");
            return;
        }
        var table = new Table().Border(TableBorder.Simple)
            .AddColumns("NAME", "SCOPE", "WINDOW", "LIMIT", "SPENT", "%", "STATE", "ACTION", "RESETS", "CROSSES", "SOURCE");
        foreach (var b in budgets)
        {
            table.AddRow(new Text(b.Name), new Text(b.Scope), new Text(b.Window), new Text(Limit(b)), new Text(Spend(b)),
                new Text(b.Percent.ToString("0.#", CultureInfo.InvariantCulture)), new Text(b.State), new Text(b.Action),
                new Text(Humanize.Time(b.ResetsAt)), new Text(b.Forecast?.CrossingAt is { } at ? Humanize.Time(at) : "-"), new Text(b.Source));
        }
        console.Write(table);
    }

    public static string Limit(BudgetDto budget) =>
        budget.LimitUsd is { } usd ? Humanize.Cost(usd) : $"{Humanize.Tokens(budget.LimitTokens ?? 0)} tokens";

    public static string Spend(BudgetDto budget) =>
        budget.LimitUsd is not null ? Humanize.Cost(budget.SpendUsd) : $"{Humanize.Tokens(budget.SpendTokens)} tokens";
}
