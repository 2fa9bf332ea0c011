using System.CommandLine;
using HalOSwarm.Ctl.Output;

namespace HalOSwarm.Ctl.Commands;

/// <summary><c>env status [PROJECT] [--node N]</c>: every project × node's verdict, or one project's items per node.</summary>
internal sealed class EnvStatusCommand : ApiCommand
{
    private readonly Argument<string?> _project = new("project") { Description = "Project name (all projects when left out)", Arity = ArgumentArity.ZeroOrOne };
    private readonly Option<string?> _node = new("--node") { Description = "Only this node" };

    public EnvStatusCommand(GlobalOptions options, CliEnvironment environment)
        : base("status", "Show each node's environment check of a project: item, expected, actual, verdict", options, environment)
    {
        Arguments.Add(_project);
        Options.Add(_node);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CommandContext context, CancellationToken cancellationToken)
    {
        var project = parseResult.GetValue(_project);
        var node = parseResult.GetValue(_node);
        if (project is null)
        {
            if (node is not null)
            {
                throw new CliUsageException("--node needs a project: halctl env status <project> --node <node>");
            }
            var all = await context.Client.EnvStatusAsync(cancellationToken);
            if (context.Format == OutputFormat.Json)
            {
                JsonOutput.WritePretty(context.Out, all.Data);
            }
            else
            {
                EnvTableRenderer.RenderAll(context.Console, all.Value, context.Now);
            }
            return ExitCodes.Success;
        }
        var page = await context.Client.EnvProjectAsync(project, node, cancellationToken);
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
