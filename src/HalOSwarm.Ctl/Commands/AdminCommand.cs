using System.CommandLine;

namespace HalOSwarm.Ctl.Commands;

/// <summary><c>admin backup</c>: administration of the supervisor itself.</summary>
internal sealed class AdminCommand : Command
{
    public AdminCommand(GlobalOptions options, CliEnvironment environment)
        : base("admin", "Administration of the supervisor: backups")
    {
        Subcommands.Add(new AdminBackupCommand(options, environment));
    }
}
