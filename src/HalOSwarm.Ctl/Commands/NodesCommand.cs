using System.CommandLine;

namespace HalOSwarm.Ctl.Commands;

internal sealed class NodesCommand : Command
{
    public NodesCommand(GlobalOptions options, CliEnvironment environment)
        : base("nodes", "Machines running hal-agent")
    {
        Subcommands.Add(new NodesListCommand(options, environment));
        Subcommands.Add(new NodesGetCommand(options, environment));
        Subcommands.Add(new NodesEnrollCommand(options, environment));
    }
}
