using System.CommandLine;

namespace HalOSwarm.Ctl.Commands;

/// <summary><c>tokens create|list|revoke</c>: the supervisor's API and node tokens (admin only).</summary>
internal sealed class TokensCommand : Command
{
    public TokensCommand(GlobalOptions options, CliEnvironment environment)
        : base("tokens", "API tokens with roles (viewer, operator, admin) and node tokens: create, list, revoke (needs an admin token)")
    {
        Subcommands.Add(new TokensCreateCommand(options, environment));
        Subcommands.Add(new TokensListCommand(options, environment));
        Subcommands.Add(new TokensRevokeCommand(options, environment));
    }
}
