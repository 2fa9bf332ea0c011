using System.CommandLine;

namespace HalOSwarm.Ctl.Commands;

/// <summary><c>env agents-md …</c>: the project's AGENT.md on its nodes.</summary>
internal sealed class EnvAgentsMdCommand : Command
{
    public EnvAgentsMdCommand(GlobalOptions options, CliEnvironment environment)
        : base("agents-md", "The project's AGENT.md, written from its template")
    {
        Subcommands.Add(new EnvAgentsMdSyncCommand(options, environment));
    }
}
