using System.Globalization;
using HalOSwarm.Supervisor.Approvals;
using HalOSwarm.Supervisor.Cost;
using HalOSwarm.Supervisor.Cost.Budgets;
using HalOSwarm.Supervisor.Cost.Report;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;

namespace HalOSwarm.Supervisor.Channels.Chat;

/// <summary><c>/cost [today|week|month]</c>, <c>/budget [name]</c> and <c>/approvals</c>: the cost report, the budgets and the waiting permission requests.</summary>
internal sealed class ChatCostCommands(
    IDatabase database,
    CostCalendar calendar,
    IProviderBilling billing,
    BudgetStore budgets,
    BudgetViews views,
    ApprovalStore approvals,
    TimeProvider timeProvider,
    ILogger<CostReport> logger)
{
    private static readonly string[] s_periods = [CostPeriods.Today, CostPeriods.Week, CostPeriods.Month];

    public async Task<ChatReply> CostAsync(string? period, CancellationToken cancellationToken)
    {
        period ??= CostPeriods.Today;
        if (!s_periods.Contains(period))
        {
            return ChatCommands.Refuse($"period must be today, week or month (was '{ChatText.Shown(period)}'). Usage: /cost [period]");
        }
        var now = timeProvider.GetUtcNow();
        var today = calendar.LocalDay(now);
        var first = period switch
        {
            CostPeriods.Week => calendar.Window(CostWindows.Weekly, now).First,
            CostPeriods.Month => calendar.Window(CostWindows.Monthly, now).First,
            _ => today,
        };
        var request = new CostReportRequest(period, first, today, today, [CostDimensions.Project], ChatLimits.MaxRows);
        var report = await CostReportBuilder.BuildAsync(request, database, calendar, billing, logger, cancellationToken);
        var totals = report.Totals;
        var span = first == today ? Day(today) : $"{Day(first)} to {Day(today)}";
        var text = $"{Capital(period)} ({span}, {calendar.Zone.Id}): {ChatText.Usd(totals.CostUsd)} metered"
            + (totals.EquivalentUsd > 0 ? $", {ChatText.Usd(totals.EquivalentUsd)} at API prices on subscriptions" : "")
            + string.Create(CultureInfo.InvariantCulture, $"; {totals.Messages} messages, {totals.Tokens.Total} tokens.");
        var rows = report.Rows.Select(r => new[]
        {
            r.Project ?? "-", ChatText.Usd(r.CostUsd), ChatText.Usd(r.EquivalentUsd), r.Messages.ToString(CultureInfo.InvariantCulture),
        }).ToList();
        return new ChatReply(text, Title: $"Cost: {period}",
            Preformatted: rows.Count == 0 ? null : ChatText.Table(["project", "cost", "equivalent", "messages"], rows, report.RowsOmitted));
    }

    public async Task<ChatReply> BudgetAsync(string? name, CancellationToken cancellationToken)
    {
        var all = budgets.All;
        if (name is null)
        {
            if (all.Count == 0)
            {
                return new ChatReply("No budgets are set (cost.budgets in the config, or halctl budgets set).", Title: "Budgets");
            }
            var rows = new List<string[]>();
            foreach (var budget in all.Take(ChatLimits.MaxRows))
            {
                var view = await views.ViewAsync(budget, cancellationToken);
                rows.Add([view.Name, view.Window, Spend(view), Limit(view), view.Percent.ToString("0", CultureInfo.InvariantCulture) + "%", view.State]);
            }
            return new ChatReply(string.Create(CultureInfo.InvariantCulture, $"{all.Count} budgets. /budget NAME shows one."), Title: "Budgets",
                Preformatted: ChatText.Table(["budget", "window", "spent", "limit", "used", "state"], rows, all.Count - rows.Count));
        }
        if (budgets.Find(name) is not { } found)
        {
            return ChatCommands.Refuse($"No budget '{ChatText.Shown(name)}'."
                + (all.Count == 0 ? " No budgets are set." : " Budgets: " + ChatText.Clip(string.Join(", ", all.Select(b => b.Name)), 600) + "."));
        }
        var one = await views.ViewAsync(found, cancellationToken);
        List<Alerts.AlertField> fields =
        [
            new("Scope", one.Scope), new("Window", one.Window), new("Spent", Spend(one)), new("Limit", Limit(one)),
            new("Used", one.Percent.ToString("0.#", CultureInfo.InvariantCulture) + "%"), new("State", one.State), new("Action", one.Action),
            new("Resets", one.ResetsAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC"),
        ];
        if (one.Forecast.CrossingAt is { } crossing)
        {
            fields.Add(new("Forecast", "reaches the limit at " + crossing.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC"));
        }
        return new ChatReply(one.Reason ?? $"Budget {one.Name}: {Spend(one)} of {Limit(one)} spent.", Title: $"Budget {one.Name}", Fields: fields);
    }

    public async Task<ChatReply> ApprovalsAsync(CancellationToken cancellationToken)
    {
        var pending = await approvals.ListAsync(ApprovalStates.Pending, null, ChatLimits.MaxRows + 1, cancellationToken);
        if (pending.Count == 0)
        {
            return new ChatReply("No permission request is waiting.", Title: "Approvals");
        }
        var now = timeProvider.GetUtcNow();
        var rows = pending.Take(ChatLimits.MaxRows).Select(a => new[]
        {
            a.ApprovalId, a.SessionId ?? "-", a.Tool ?? a.Permission, a.Patterns.Count == 0 ? a.Reason : string.Join(", ", a.Patterns), ChatText.Ago(a.AskedAt, now),
        }).ToList();
        var more = pending.Count > ChatLimits.MaxRows ? " or more" : "";
        var text = string.Create(CultureInfo.InvariantCulture, $"{pending.Count}{more} permission requests are waiting.")
            + " Answer with the buttons of their alerts, or halctl approvals approve ID.";
        return new ChatReply(text,
            Title: "Approvals", Preformatted: ChatText.Table(["approval", "session", "tool", "asks for", "asked"], rows, pending.Count - rows.Count));
    }

    private static string Spend(BudgetView view) => view.LimitUsd is null && view.LimitTokens is not null
        ? view.SpendTokens.ToString("N0", CultureInfo.InvariantCulture) + " tokens" : ChatText.Usd(view.SpendUsd);

    private static string Limit(BudgetView view) => view.LimitUsd is { } usd ? ChatText.Usd(usd)
        : view.LimitTokens is { } tokens ? tokens.ToString("N0", CultureInfo.InvariantCulture) + " tokens" : "-";

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Capital(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
