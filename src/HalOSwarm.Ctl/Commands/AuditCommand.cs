using System.CommandLine;

namespace HalOSwarm.Ctl.Commands;

/// <summary><c>audit list</c>: who did what through the API, the CLI, chat or policies.</summary>
internal sealed class AuditCommand : Command
{
    public AuditCommand(GlobalOptions options, CliEnvironment environment)
        : base("audit", "The audit log: every command and change, with its actor")
    {
        Subcommands.Add(new AuditListCommand(options, environment));
    }
}
