using System.CommandLine;
using HalOSwarm.Ctl.Output;

namespace HalOSwarm.Ctl.Commands;

/// <summary><c>env agents-md diff PROJECT --node N</c>: a unified diff from the node's AGENT.md to the rendered template.</summary>
internal sealed class EnvAgentsMdDiffCommand : ApiCommand
{
    private readonly Argument<string> _project = new("project") { Description = "Project name" };
    private readonly Option<string> _node = new("--node") { Description = "The node whose file is compared", Required = true };

    public EnvAgentsMdDiffCommand(GlobalOptions options, CliEnvironment environment)
        : base("diff", "Show how a node's AGENT.md differs from its template (unified diff, node → template)", options, environment)
    {
        Arguments.Add(_project);
        Options.Add(_node);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CommandContext context, CancellationToken cancellationToken)
    {
        var page = await context.Client.EnvAgentsMdDiffAsync(parseResult.GetRequiredValue(_project), parseResult.GetRequiredValue(_node), cancellationToken);
        if (context.Format == OutputFormat.Json)
        {
            JsonOutput.WritePretty(context.Out, page.Data);
            return ExitCodes.Success;
        }
        var diff = page.Value;
        context.Out.WriteLine(diff.State switch
        {
            "same" => $"{diff.Path} on {diff.NodeId} is as its template (checked {Humanize.Time(diff.CheckedAt)})",
            "absent" => $"{diff.Path} is absent on {diff.NodeId} (checked {Humanize.Time(diff.CheckedAt)}); the template would add:",
            _ => $"{diff.Path} on {diff.NodeId} differs from its template (checked {Humanize.Time(diff.CheckedAt)}):",
        });
        context.Out.Write(diff.Diff);
        return ExitCodes.Success;
    }
}
