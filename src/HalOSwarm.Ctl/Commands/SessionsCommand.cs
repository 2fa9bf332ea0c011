using System.CommandLine;

namespace HalOSwarm.Ctl.Commands;

internal sealed class SessionsCommand : Command
{
    public SessionsCommand(GlobalOptions options, CliEnvironment environment)
        : base("sessions", "Agent sessions: list, inspect, read their transcript and control them")
    {
        Subcommands.Add(new SessionsListCommand(options, environment));
        Subcommands.Add(new SessionsGetCommand(options, environment));
        Subcommands.Add(new SessionsLogsCommand(options, environment));
        Subcommands.Add(new SessionsStartCommand(options, environment));
        Subcommands.Add(new SessionsAdoptableCommand(options, environment));
        Subcommands.Add(new SessionsAdoptCommand(options, environment));
        Subcommands.Add(new SessionsPromptCommand("prompt", "Send a prompt to a session (queued while it is busy)", options, environment));
        Subcommands.Add(new SessionsControlCommand("abort", "Stop the session's current turn", "aborted", options, environment));
        Subcommands.Add(new SessionsControlCommand("kill", "End the session and delete it in the runtime", "killed", options, environment));
        Subcommands.Add(new SessionsRestartCommand(migrate: false, options, environment));
        Subcommands.Add(new SessionsRestartCommand(migrate: true, options, environment));
    }
}
