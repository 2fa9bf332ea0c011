using System.CommandLine;
using HalOSwarm.Ctl.Output;

namespace HalOSwarm.Ctl.Commands;

/// <summary><c>tokens revoke NAME|ID</c>: the token stops working at once; a node's live connection is closed (4410).</summary>
internal sealed class TokensRevokeCommand : ApiCommand
{
    private readonly Argument<string> _token = new("token") { Description = "Token name, id (tok_…) or node:NODE_ID" };

    public TokensRevokeCommand(GlobalOptions options, CliEnvironment environment)
        : base("revoke", "Revoke a token: refused from now on, its live connections and streams closed", options, environment)
    {
        Arguments.Add(_token);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CommandContext context, CancellationToken cancellationToken)
    {
        var page = await context.Client.RevokeTokenAsync(parseResult.GetRequiredValue(_token), cancellationToken);
        if (context.Format == OutputFormat.Json)
        {
            JsonOutput.WritePretty(context.Out, page.Data);
        }
        else
        {
            context.Out.WriteLine($"revoked {page.Value.Name} ({page.Value.Id}) at {Humanize.Time(page.Value.RevokedAt)} by {page.Value.RevokedBy}");
        }
        return ExitCodes.Success;
    }
}
