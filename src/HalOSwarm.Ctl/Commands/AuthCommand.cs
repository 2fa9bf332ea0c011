using System.CommandLine;

namespace HalOSwarm.Ctl.Commands;

/// <summary><c>auth …</c>: Agent programs' logins on the nodes: status, drift, remote login, credential push.</summary>
internal sealed class AuthCommand : Command
{
    public AuthCommand(GlobalOptions options, CliEnvironment environment)
        : base("auth", "Agent programs' logins on the nodes: status, drift, remote login, credential push")
    {
        Subcommands.Add(new AuthStatusCommand(options, environment));
        Subcommands.Add(new AuthLoginCommand(options, environment));
        _ = options;
        _ = environment;
        Subcommands.Add(new AuthDriftCommand(options, environment));
        Subcommands.Add(new AuthPushCommand(options, environment));
    }
}
