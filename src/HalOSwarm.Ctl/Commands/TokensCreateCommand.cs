using System.CommandLine;
using HalOSwarm.Ctl.Output;

namespace HalOSwarm.Ctl.Commands;

/// <summary><c>tokens create NAME --role ROLE</c>: prints the new token's secret, which nobody can see again.</summary>
internal sealed class TokensCreateCommand : ApiCommand
{
    private readonly Argument<string> _name = new("name") { Description = "Token name: 1-64 of a-z 0-9 . _ - (the audit log shows token:NAME)" };
    private readonly Option<string> _role = new("--role")
    {
        Description = "viewer (read), operator (act on sessions, answer approvals) or admin (tokens, enrolment)",
        Required = true,
    };

    public TokensCreateCommand(GlobalOptions options, CliEnvironment environment)
        : base("create", "Create an API token; its secret is printed once", options, environment)
    {
        _role.AcceptOnlyFromAmong("viewer", "operator", "admin");
        Arguments.Add(_name);
        Options.Add(_role);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CommandContext context, CancellationToken cancellationToken)
    {
        var page = await context.Client.CreateTokenAsync(parseResult.GetRequiredValue(_name), parseResult.GetRequiredValue(_role), cancellationToken);
        TokenTableRenderer.RenderIssued(context, page);
        return ExitCodes.Success;
    }
}
