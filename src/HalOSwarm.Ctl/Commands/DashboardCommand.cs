using System.CommandLine;

namespace HalOSwarm.Ctl.Commands;

/// <summary><c>dashboard link</c>: the web dashboard.</summary>
internal sealed class DashboardCommand : Command
{
    public DashboardCommand(GlobalOptions options, CliEnvironment environment)
        : base("dashboard", "The web dashboard: one-time sign-in links")
    {
        Subcommands.Add(new DashboardLinkCommand(options, environment));
    }
}
