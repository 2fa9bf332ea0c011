using System.CommandLine;
using HalOSwarm.Ctl.Output;

namespace HalOSwarm.Ctl.Commands;

internal sealed class SessionsGetCommand : ApiCommand
{
    private readonly Argument<string> _id = new("id") { Description = "Session id" };

    public SessionsGetCommand(GlobalOptions options, CliEnvironment environment)
        : base("get", "Show one session", options, environment)
    {
        Arguments.Add(_id);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CommandContext context, CancellationToken cancellationToken)
    {
        var page = await context.Client.GetSessionAsync(parseResult.GetRequiredValue(_id), cancellationToken);
        if (context.Format == OutputFormat.Json)
        {
            JsonOutput.WritePretty(context.Out, page.Data);
        }
        else
        {
            SessionTableRenderer.RenderOne(context.Console, page.Value, context.Now);
        }
        return ExitCodes.Success;
    }
}
