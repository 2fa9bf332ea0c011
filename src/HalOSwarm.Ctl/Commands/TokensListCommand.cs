using System.CommandLine;
using HalOSwarm.Ctl.Output;

namespace HalOSwarm.Ctl.Commands;

internal sealed class TokensListCommand : ApiCommand
{
    private readonly Option<bool> _all = new("--all") { Description = "Also list revoked tokens" };

    public TokensListCommand(GlobalOptions options, CliEnvironment environment)
        : base("list", "List tokens (never their secrets), newest first", options, environment)
    {
        Options.Add(_all);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CommandContext context, CancellationToken cancellationToken)
    {
        var page = await context.Client.ListTokensAsync(parseResult.GetValue(_all), cancellationToken);
        if (context.Format == OutputFormat.Json)
        {
            JsonOutput.WritePretty(context.Out, page.Data);
        }
        else
        {
            TokenTableRenderer.RenderList(context.Console, page.Value);
        }
        return ExitCodes.Success;
    }
}
