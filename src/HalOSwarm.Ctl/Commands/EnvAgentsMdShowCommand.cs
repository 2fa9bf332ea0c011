using System.CommandLine;
using HalOSwarm.Ctl.Output;

namespace HalOSwarm.Ctl.Commands;

/// <summary><c>env agents-md show PROJECT [--node N]</c>: the AGENT.md that would be written on the node.</summary>
internal sealed class EnvAgentsMdShowCommand : ApiCommand
{
    private readonly Argument<string> _project = new("project") { Description = "Project name" };
    private readonly Option<string?> _node = new("--node") { Description = "The node (needed when several host the project)" };

    public EnvAgentsMdShowCommand(GlobalOptions options, CliEnvironment environment)
        : base("show", "Print the project's AGENT.md as its template renders it for a node", options, environment)
    {
        Arguments.Add(_project);
        Options.Add(_node);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CommandContext context, CancellationToken cancellationToken)
    {
        var page = await context.Client.EnvAgentsMdAsync(parseResult.GetRequiredValue(_project), parseResult.GetValue(_node), cancellationToken);
        if (context.Format == OutputFormat.Json)
        {
            JsonOutput.WritePretty(context.Out, page.Data);
        }
        else
        {
            context.Out.Write(page.Value.Content);
            if (!page.Value.Content.EndsWith('\n'))
            {
                context.Out.WriteLine();
            }
        }
        return ExitCodes.Success;
    }
}
