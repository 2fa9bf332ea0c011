using System.CommandLine;
using HalOSwarm.Ctl.Output;

namespace HalOSwarm.Ctl.Commands;

/// <summary>
/// <c>auth drift</c>: every node's credential sync, in the seed runbook's layout (Node ID / Sync Status / Version):
/// <c>in_sync</c>, <c>drift_detected</c> (changed by hand, or a push not applied yet) or <c>none</c> (nothing pushed).
/// </summary>
internal sealed class AuthDriftCommand : ApiCommand
{
    public AuthDriftCommand(GlobalOptions options, CliEnvironment environment)
        : base("drift", "Show whether each node's tool credentials are the version the supervisor pushed", options, environment)
    {
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CommandContext context, CancellationToken cancellationToken)
    {
        var page = await context.Client.CredentialDriftAsync(cancellationToken);
        if (context.Format == OutputFormat.Json)
        {
            JsonOutput.WritePretty(context.Out, page.Data);
            return ExitCodes.Success;
        }
        var idWidth = Math.Max(16, page.Value.Select(n => n.NodeId.Length + 4).DefaultIfEmpty(0).Max());
        var stateWidth = Math.Max(18, page.Value.Select(n => n.State.Length + 4).DefaultIfEmpty(0).Max());
        context.Out.WriteLine($"{"Node ID".PadRight(idWidth)}{"Sync Status".PadRight(stateWidth)}Version");
        context.Out.WriteLine($"{"-------".PadRight(idWidth)}{"-----------".PadRight(stateWidth)}-------");
        foreach (var node in page.Value)
        {
            context.Out.WriteLine($"{node.NodeId.PadRight(idWidth)}{node.State.PadRight(stateWidth)}{node.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }
        return ExitCodes.Success;
    }
}
