using System.CommandLine;
using HalOSwarm.Ctl.Output;

namespace HalOSwarm.Ctl.Commands;

internal sealed class NodesListCommand : ApiCommand
{
    public NodesListCommand(GlobalOptions options, CliEnvironment environment)
        : base("list", "List nodes with their status, projects and resources", options, environment)
    {
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CommandContext context, CancellationToken cancellationToken)
    {
        var page = await context.Client.ListNodesAsync(cancellationToken);
        if (context.Format == OutputFormat.Json)
        {
            JsonOutput.WritePretty(context.Out, page.Data);
        }
        else
        {
            NodeTableRenderer.RenderList(context.Console, page.Value, context.Now);
        }
        return ExitCodes.Success;
    }
}
