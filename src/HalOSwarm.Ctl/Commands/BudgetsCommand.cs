using System.CommandLine;

namespace HalOSwarm.Ctl.Commands;

/// <summary><c>budgets list|set|delete|lift</c>: spend limits per fleet, project or account (set, delete and lift need an admin token).</summary>
internal sealed class BudgetsCommand : Command
{
    public BudgetsCommand(GlobalOptions options, CliEnvironment environment)
        : base("budgets", "Spend budgets (global, per project, per account): list, set, delete, lift (changes need an admin token)")
    {
        Subcommands.Add(new BudgetsListCommand(options, environment));
        Subcommands.Add(new BudgetsSetCommand(options, environment));
        Subcommands.Add(new BudgetsDeleteCommand(options, environment));
        Subcommands.Add(new BudgetsLiftCommand(options, environment));
    }
}
