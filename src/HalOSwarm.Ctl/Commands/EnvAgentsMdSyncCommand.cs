using System.CommandLine;
using HalOSwarm.Ctl.Output;

namespace HalOSwarm.Ctl.Commands;

/// <summary><c>env agents-md sync PROJECT [--node N]</c>: writes the project's AGENT.md from its template, also over a hand-edited copy.</summary>
internal sealed class EnvAgentsMdSyncCommand : ApiCommand
{
    private readonly Argument<string> _project = new("project") { Description = "Project name" };
    private readonly Option<string?> _node = new("--node") { Description = "Only this node (default: every online node that hosts the project)" };

    public EnvAgentsMdSyncCommand(GlobalOptions options, CliEnvironment environment)
        : base("sync", "Write AGENT.md from its template over the node's copy, hand edits included (needs an operator token)", options, environment)
    {
        Arguments.Add(_project);
        Options.Add(_node);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CommandContext context, CancellationToken cancellationToken)
    {
        var page = await context.Client.SyncAgentsMdAsync(parseResult.GetRequiredValue(_project), parseResult.GetValue(_node), cancellationToken);
        if (context.Format == OutputFormat.Json)
        {
            JsonOutput.WritePretty(context.Out, page.Data);
        }
        else
        {
            foreach (var node in page.Value)
            {
                context.Out.WriteLine(node.Result is { } result
                    ? $"{node.NodeId}  {node.Project}  {result.Outcome}  {result.Detail}"
                    : $"{node.NodeId}  {node.Project}  not synced ({node.ErrorCode}): {node.Error}");
            }
        }
        return page.Value.All(n => n.Result?.Outcome == "applied") ? ExitCodes.Success : ExitCodes.Failure;
    }
}
