using System.CommandLine;
using HalOSwarm.Ctl.Output;

namespace HalOSwarm.Ctl.Commands;

internal sealed class CommandsGetCommand : ApiCommand
{
    private readonly Argument<string> _id = new("id") { Description = "Command id" };

    public CommandsGetCommand(GlobalOptions options, CliEnvironment environment)
        : base("get", "Show one command: its state, arguments, result or error", options, environment)
    {
        Arguments.Add(_id);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CommandContext context, CancellationToken cancellationToken)
    {
        var page = await context.Client.GetCommandAsync(parseResult.GetRequiredValue(_id), cancellationToken);
        if (context.Format == OutputFormat.Json)
        {
            JsonOutput.WritePretty(context.Out, page.Data);
        }
        else
        {
            CommandTableRenderer.RenderOne(context.Console, page.Value, context.Now);
        }
        return ExitCodes.Success;
    }
}
