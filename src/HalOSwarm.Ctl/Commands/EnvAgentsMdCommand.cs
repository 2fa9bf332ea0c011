using System.CommandLine;

namespace HalOSwarm.Ctl.Commands;

/// <summary><c>env agents-md show|diff</c>: a project's AGENT.md as its template renders it, and how a node's file differs.</summary>
internal sealed class EnvAgentsMdCommand : Command
{
    public EnvAgentsMdCommand(GlobalOptions options, CliEnvironment environment)
        : base("agents-md", "A project's AGENT.md: the rendered template, and its diff against a node's file")
    {
        Subcommands.Add(new EnvAgentsMdShowCommand(options, environment));
        Subcommands.Add(new EnvAgentsMdDiffCommand(options, environment));
    }
}
