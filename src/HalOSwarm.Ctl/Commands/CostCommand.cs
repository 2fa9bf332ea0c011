using System.CommandLine;
using HalOSwarm.Ctl.Output;

namespace HalOSwarm.Ctl.Commands;

/// <summary>
/// <c>cost today|week|month|custom</c>: spend from the supervisor's ledger by provider and model (or <c>--by</c>), the
/// total and the daily average, and per provider metered next to billed. <c>--format json</c> prints the API's data.
/// </summary>
internal sealed class CostCommand : ApiCommand
{
    private static readonly string[] s_periods = ["today", "week", "month", "custom"];
    private static readonly string[] s_dimensions = ["project", "model", "node", "provider", "account", "session"];

    private readonly Argument<string> _period = new("period")
    {
        Description = "today (the local day of the supervisor's cost.time_zone), week (Monday to today), month (the 1st to today), "
            + "or custom (--from and --to)",
    };

    private readonly Option<string[]> _by = new("--by")
    {
        Description = "Group by project, model, node, provider, account or session; repeat it or use a comma list (default: provider and model)",
        AllowMultipleArgumentsPerToken = false,
    };

    private readonly Option<string?> _from = new("--from") { Description = "First local date of a custom period (YYYY-MM-DD)" };
    private readonly Option<string?> _to = new("--to") { Description = "Last local date of a custom period (YYYY-MM-DD); --from to --to spans at most 366 days" };
    private readonly Option<int?> _limit = new("--limit") { Description = "Groups shown, highest cost first (server default 1000, at most 10000)" };

    public CostCommand(GlobalOptions options, CliEnvironment environment)
        : base("cost", "Spend from the supervisor's cost ledger: per provider and model (or --by), total, daily average, metered vs billed", options, environment)
    {
        _period.AcceptOnlyFromAmong(s_periods);
        Arguments.Add(_period);
        Options.Add(_by);
        Options.Add(_from);
        Options.Add(_to);
        Options.Add(_limit);
        _by.Validators.Add(result =>
        {
            foreach (var name in Dimensions(result.GetValueOrDefault<string[]>()).Where(n => !s_dimensions.Contains(n, StringComparer.Ordinal)))
            {
                result.AddError($"--by '{name}' is not one of {string.Join(", ", s_dimensions)}");
            }
        });
        _limit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1 or > 10_000)
            {
                result.AddError("--limit must be between 1 and 10000");
            }
        });
        Validators.Add(result =>
        {
            var period = result.GetValue(_period);
            if (period is not null && !s_periods.Contains(period, StringComparer.Ordinal))
            {
                result.AddError($"period '{period}' is not one of {string.Join(", ", s_periods)}");
                return;
            }
            var custom = period == "custom";
            var from = result.GetValue(_from) is not null;
            var to = result.GetValue(_to) is not null;
            if (custom && !(from && to))
            {
                result.AddError("cost custom needs --from and --to (YYYY-MM-DD)");
            }
            else if (!custom && (from || to))
            {
                result.AddError("--from and --to go with 'cost custom'");
            }
        });
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CommandContext context, CancellationToken cancellationToken)
    {
        var by = Dimensions(parseResult.GetValue(_by));
        var page = await context.Client.GetCostAsync(parseResult.GetRequiredValue(_period), parseResult.GetValue(_from), parseResult.GetValue(_to),
            by.Count == 0 ? null : string.Join(',', by), parseResult.GetValue(_limit), cancellationToken);
        if (context.Format == OutputFormat.Json)
        {
            JsonOutput.WritePretty(context.Out, page.Data);
        }
        else
        {
            CostTableRenderer.Render(context.Console, page.Value);
        }
        return ExitCodes.Success;
    }

    private static List<string> Dimensions(string[]? values) =>
        [.. (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.Ordinal)];
}
