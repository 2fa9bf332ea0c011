using System.CommandLine;

namespace HalOSwarm.Ctl.Commands;

/// <summary><c>approvals list|approve|deny</c>: permission requests of agent programs waiting for an operator.</summary>
internal sealed class ApprovalsCommand : Command
{
    public ApprovalsCommand(GlobalOptions options, CliEnvironment environment)
        : base("approvals", "Permission requests of agent programs: list them, approve or deny one")
    {
        Subcommands.Add(new ApprovalsListCommand(options, environment));
        Subcommands.Add(new ApprovalsAnswerCommand(approve: true, options, environment));
        Subcommands.Add(new ApprovalsAnswerCommand(approve: false, options, environment));
    }
}
