using System.CommandLine;
using HalOSwarm.Ctl.Output;

namespace HalOSwarm.Ctl.Commands;

/// <summary><c>budgets delete NAME</c>: a budget of the supervisor's config comes back at its next start.</summary>
internal sealed class BudgetsDeleteCommand : ApiCommand
{
    private readonly Argument<string> _name = new("name") { Description = "Budget name" };

    public BudgetsDeleteCommand(GlobalOptions options, CliEnvironment environment)
        : base("delete", "Delete a budget (needs an admin token); what it held is released", options, environment)
    {
        Arguments.Add(_name);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CommandContext context, CancellationToken cancellationToken)
    {
        var page = await context.Client.DeleteBudgetAsync(parseResult.GetRequiredValue(_name), cancellationToken);
        if (context.Format == OutputFormat.Json)
        {
            JsonOutput.WritePretty(context.Out, page.Data);
        }
        else
        {
            context.Out.WriteLine($"deleted budget {page.Value.Name}" + (page.Value.Source == "config" ? " (it is in the supervisor's config: it returns at its next start)" : ""));
        }
        return ExitCodes.Success;
    }
}
