using System.CommandLine;

namespace HalOSwarm.Ctl.Commands;

internal sealed class EventsCommand : Command
{
    public EventsCommand(GlobalOptions options, CliEnvironment environment)
        : base("events", "The event store: every node's and session's events")
    {
        Subcommands.Add(new EventsTailCommand(options, environment));
    }
}
