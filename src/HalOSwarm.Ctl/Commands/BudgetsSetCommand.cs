using System.CommandLine;
using System.Globalization;
using HalOSwarm.Ctl.Api;
using HalOSwarm.Ctl.Output;

namespace HalOSwarm.Ctl.Commands;

/// <summary>
/// <c>budgets set NAME --limit-usd N|--limit-tokens N [--scope] [--window] [--thresholds 50,75,90] [--action]</c>: creates or
/// replaces a budget; it applies at once. A budget named in the supervisor's config is written again from it at its next start.
/// </summary>
internal sealed class BudgetsSetCommand : ApiCommand
{
    private readonly Argument<string> _name = new("name") { Description = "Budget name: 1-64 of A-Z a-z 0-9 . _ -" };
    private readonly Option<string> _scope = new("--scope") { Description = "global, project:NAME or account:NAME", DefaultValueFactory = _ => "global" };
    private readonly Option<string> _window = new("--window") { Description = "daily, weekly (from Monday) or monthly, in the supervisor's cost.time_zone", DefaultValueFactory = _ => "daily" };
    private readonly Option<decimal?> _limitUsd = new("--limit-usd") { Description = "Limit in USD" };
    private readonly Option<long?> _limitTokens = new("--limit-tokens") { Description = "Limit in tokens (input + output + reasoning + cache)" };
    private readonly Option<string?> _thresholds = new("--thresholds") { Description = "Percentages alerted once per window, e.g. 50,75,90 (100 is always added; default 50,75,90,100)" };
    private readonly Option<string> _action = new("--action") { Description = "At 100 %: alert, block_new, pause or kill", DefaultValueFactory = _ => "alert" };

    public BudgetsSetCommand(GlobalOptions options, CliEnvironment environment)
        : base("set", "Create or replace a budget (needs an admin token)", options, environment)
    {
        _window.AcceptOnlyFromAmong("daily", "weekly", "monthly");
        _action.AcceptOnlyFromAmong("alert", "block_new", "pause", "kill");
        Arguments.Add(_name);
        Options.Add(_scope);
        Options.Add(_window);
        Options.Add(_limitUsd);
        Options.Add(_limitTokens);
        Options.Add(_thresholds);
        Options.Add(_action);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CommandContext context, CancellationToken cancellationToken)
    {
        var usd = parseResult.GetValue(_limitUsd);
        var tokens = parseResult.GetValue(_limitTokens);
        if (usd is null == tokens is null)
        {
            throw new CliUsageException("give exactly one of --limit-usd and --limit-tokens");
        }
        var request = new BudgetRequest(parseResult.GetRequiredValue(_scope), parseResult.GetRequiredValue(_window), usd, tokens,
            Thresholds(parseResult.GetValue(_thresholds)), parseResult.GetRequiredValue(_action));
        var page = await context.Client.SetBudgetAsync(parseResult.GetRequiredValue(_name), request, cancellationToken);
        if (context.Format == OutputFormat.Json)
        {
            JsonOutput.WritePretty(context.Out, page.Data);
        }
        else
        {
            var budget = page.Value;
            context.Out.WriteLine($"set budget {budget.Name}: {budget.Scope}, {budget.Window}, limit {BudgetTableRenderer.Limit(budget)}, "
                + $"thresholds {string.Join(",", budget.Thresholds)}, action {budget.Action} (now {BudgetTableRenderer.Spend(budget)}, {budget.State})");
        }
        return ExitCodes.Success;
    }

    private static List<int>? Thresholds(string? text)
    {
        if (text is null)
        {
            return null;
        }
        var values = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                throw new CliUsageException($"--thresholds: '{part}' is not a whole percentage (expected a list like 50,75,90)");
            }
            values.Add(value);
        }
        return values;
    }
}
