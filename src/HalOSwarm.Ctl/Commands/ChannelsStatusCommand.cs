using System.CommandLine;
using HalOSwarm.Ctl.Output;

namespace HalOSwarm.Ctl.Commands;

/// <summary><c>channels status</c>: each platform's connection, and each target's pending, delivered and failed deliveries.</summary>
internal sealed class ChannelsStatusCommand : ApiCommand
{
    public ChannelsStatusCommand(GlobalOptions options, CliEnvironment environment)
        : base("status", "Show each platform's connection and each target's delivery counts", options, environment)
    {
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CommandContext context, CancellationToken cancellationToken)
    {
        var page = await context.Client.ChannelsAsync(cancellationToken);
        if (context.Format == OutputFormat.Json)
        {
            JsonOutput.WritePretty(context.Out, page.Data);
        }
        else
        {
            ChannelTableRenderer.RenderStatus(context.Console, page.Value);
        }
        return ExitCodes.Success;
    }
}
