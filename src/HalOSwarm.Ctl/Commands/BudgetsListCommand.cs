using System.CommandLine;
using HalOSwarm.Ctl.Output;

namespace HalOSwarm.Ctl.Commands;

/// <summary><c>budgets list</c>: each budget with its window, spend, percent, state and forecast.</summary>
internal sealed class BudgetsListCommand : ApiCommand
{
    public BudgetsListCommand(GlobalOptions options, CliEnvironment environment)
        : base("list", "List budgets with their current window, spend, state and predicted crossing", options, environment)
    {
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CommandContext context, CancellationToken cancellationToken)
    {
        var page = await context.Client.ListBudgetsAsync(cancellationToken);
        if (context.Format == OutputFormat.Json)
        {
            JsonOutput.WritePretty(context.Out, page.Data);
        }
        else
        {
            BudgetTableRenderer.RenderList(context.Console, page.Value);
        }
        return ExitCodes.Success;
    }
}
