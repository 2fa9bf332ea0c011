using System.CommandLine;

namespace HalOSwarm.Ctl.Commands;

/// <summary><c>commands list|get</c>: the commands the supervisor stored and sent to agents.</summary>
internal sealed class CommandsCommand : Command
{
    public CommandsCommand(GlobalOptions options, CliEnvironment environment)
        : base("commands", "Commands sent to agents: list them or show one with its result")
    {
        Subcommands.Add(new CommandsListCommand(options, environment));
        Subcommands.Add(new CommandsGetCommand(options, environment));
    }
}
