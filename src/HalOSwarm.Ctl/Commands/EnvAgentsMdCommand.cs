using System.CommandLine;

namespace HalOSwarm.Ctl.Commands;

/// <summary><c>env agents-md show|diff|sync</c>: a project's AGENT.md as its template renders it, how a node's file differs, and writing it.</summary>
internal sealed class EnvAgentsMdCommand : Command
{
    public EnvAgentsMdCommand(GlobalOptions options, CliEnvironment environment)
        : base("agents-md", "A project's AGENT.md: the rendered template, its diff against a node's file, and sync (write it)")
    {
        Subcommands.Add(new EnvAgentsMdShowCommand(options, environment));
        Subcommands.Add(new EnvAgentsMdDiffCommand(options, environment));
        Subcommands.Add(new EnvAgentsMdSyncCommand(options, environment));
    }
}
