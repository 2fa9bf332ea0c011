using System.CommandLine;
using HalOSwarm.Ctl.Output;

namespace HalOSwarm.Ctl.Commands;

/// <summary><c>budgets lift NAME</c>: ends a budget's block, pause or kill until its window resets; held prompts are sent.</summary>
internal sealed class BudgetsLiftCommand : ApiCommand
{
    private readonly Argument<string> _name = new("name") { Description = "Budget name" };

    public BudgetsLiftCommand(GlobalOptions options, CliEnvironment environment)
        : base("lift", "Lift a budget at 100 % until its window resets (needs an admin token): starts allowed, held prompts sent", options, environment)
    {
        Arguments.Add(_name);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CommandContext context, CancellationToken cancellationToken)
    {
        var page = await context.Client.LiftBudgetAsync(parseResult.GetRequiredValue(_name), cancellationToken);
        if (context.Format == OutputFormat.Json)
        {
            JsonOutput.WritePretty(context.Out, page.Data);
        }
        else
        {
            context.Out.WriteLine($"lifted budget {page.Value.Name} until {Humanize.Time(page.Value.ResetsAt)} ({BudgetTableRenderer.Spend(page.Value)} of {BudgetTableRenderer.Limit(page.Value)})");
        }
        return ExitCodes.Success;
    }
}
