using System.CommandLine;
using HalOSwarm.Ctl.Commands;

namespace HalOSwarm.Ctl;

internal sealed class HalctlRootCommand : RootCommand
{
    public const string Summary = """
        halctl — operator CLI of HAL-O-SWARM: nodes, sessions, events, commands, approvals, the audit log, search, tokens, cost and budgets of a hal-supervisor.

        Environment: HALCTL_SUPERVISOR_URL (default http://localhost:8421), HALCTL_TOKEN, HALCTL_CA_FILE.
        Exit codes: 0 success (and Ctrl+C during --follow); 1 the API answered an error, the
        supervisor could not be reached or a value was invalid; 2 the command line did not parse
        (unknown command or option, missing argument); 130 interrupted by Ctrl+C.
        Errors are one line on stderr: "halctl: error: <message> (<code>)".
        """;

    public HalctlRootCommand(CliEnvironment environment)
        : base(Summary)
    {
        var options = new GlobalOptions();
        Options.Add(options.SupervisorUrl);
        Options.Add(options.Token);
        Options.Add(options.CaFile);
        Options.Add(options.Format);
        Subcommands.Add(new NodesCommand(options, environment));
        Subcommands.Add(new SessionsCommand(options, environment));
        Subcommands.Add(new EventsCommand(options, environment));
        Subcommands.Add(new ApprovalsCommand(options, environment));
        Subcommands.Add(new CommandsCommand(options, environment));
        Subcommands.Add(new AuditCommand(options, environment));
        Subcommands.Add(new AdminCommand(options, environment));
        Subcommands.Add(new TokensCommand(options, environment));
        Subcommands.Add(new CostCommand(options, environment));
        Subcommands.Add(new BudgetsCommand(options, environment));
        Subcommands.Add(new ChannelsCommand(options, environment));
        Subcommands.Add(new DashboardCommand(options, environment));
        Subcommands.Add(new SearchCommand(options, environment));
        Subcommands.Add(new EnvCommand(options, environment));
        Subcommands.Add(new AuthCommand(options, environment));
        Subcommands.Add(new CharterCommand(options, environment));
        Subcommands.Add(new SessionsStartCommand(options, environment));
        Subcommands.Add(new SessionsPromptCommand("inject", "Send text to a session: queued while it is busy, unless --interrupt", options, environment));
        Subcommands.Add(new SessionsControlCommand("resume", "Send the configured continue prompt to an idle session", "resumed", options, environment));
        Subcommands.Add(new SessionsRestartCommand(migrate: false, options, environment));
        Subcommands.Add(new SessionsRestartCommand(migrate: true, options, environment));
        Subcommands.Add(new SessionsControlCommand("abort", "Stop a session's current turn", "aborted", options, environment));
        Subcommands.Add(new SessionsControlCommand("kill", "End a session", "killed", options, environment));
    }
}
