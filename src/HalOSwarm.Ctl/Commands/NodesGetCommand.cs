using System.CommandLine;
using HalOSwarm.Ctl.Output;

namespace HalOSwarm.Ctl.Commands;

internal sealed class NodesGetCommand : ApiCommand
{
    private readonly Argument<string> _id = new("id") { Description = "Node id" };

    public NodesGetCommand(GlobalOptions options, CliEnvironment environment)
        : base("get", "Show one node", options, environment)
    {
        Arguments.Add(_id);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CommandContext context, CancellationToken cancellationToken)
    {
        var page = await context.Client.GetNodeAsync(parseResult.GetRequiredValue(_id), cancellationToken);
        if (context.Format == OutputFormat.Json)
        {
            JsonOutput.WritePretty(context.Out, page.Data);
        }
        else
        {
            NodeTableRenderer.RenderOne(context.Console, page.Value, context.Now);
        }
        return ExitCodes.Success;
    }
}
