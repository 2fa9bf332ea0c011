using System.CommandLine;

namespace HalOSwarm.Ctl.Commands;

/// <summary><c>env …</c>: Project environments: status, check, provision, approvals of risky fixes, AGENT.md.</summary>
internal sealed class EnvCommand : Command
{
    public EnvCommand(GlobalOptions options, CliEnvironment environment)
        : base("env", "Project environments: status, check, provision, approvals of risky fixes, AGENT.md")
    {
        Subcommands.Add(new EnvStatusCommand(options, environment));
        Subcommands.Add(new EnvCheckCommand(options, environment));
        Subcommands.Add(new EnvProvisionCommand(options, environment));
        Subcommands.Add(new EnvProposalsCommand(options, environment));
        Subcommands.Add(new EnvDecideCommand(approve: true, options, environment));
        Subcommands.Add(new EnvDecideCommand(approve: false, options, environment));
        Subcommands.Add(new EnvAgentsMdCommand(options, environment));
    }
}
