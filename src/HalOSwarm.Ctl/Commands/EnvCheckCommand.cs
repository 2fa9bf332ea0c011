using System.CommandLine;
using HalOSwarm.Ctl.Output;

namespace HalOSwarm.Ctl.Commands;

/// <summary><c>env check PROJECT [--node N]</c>: checks the project now on each online node hosting it (operator).</summary>
internal sealed class EnvCheckCommand : ApiCommand
{
    private readonly Argument<string> _project = new("project") { Description = "Project name" };
    private readonly Option<string?> _node = new("--node") { Description = "Only this node (all online nodes hosting the project otherwise)" };

    public EnvCheckCommand(GlobalOptions options, CliEnvironment environment)
        : base("check", "Check a project's environment now on the nodes hosting it (needs an operator token)", options, environment)
    {
        Arguments.Add(_project);
        Options.Add(_node);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CommandContext context, CancellationToken cancellationToken)
    {
        var project = parseResult.GetRequiredValue(_project);
        var page = await context.Client.EnvCheckAsync(project, parseResult.GetValue(_node), cancellationToken);
        if (context.Format == OutputFormat.Json)
        {
            JsonOutput.WritePretty(context.Out, page.Data);
        }
        else
        {
            EnvTableRenderer.RenderProject(context.Console, project, page.Value, context.Now);
        }
        return ExitCodes.Success;
    }
}
