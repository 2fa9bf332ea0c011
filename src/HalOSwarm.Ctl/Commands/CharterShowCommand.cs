using System.CommandLine;
using HalOSwarm.Ctl.Output;

namespace HalOSwarm.Ctl.Commands;

/// <summary><c>charter show [PROJECT]</c>: the fleet default and each project's own charter, or the one project's in force.</summary>
internal sealed class CharterShowCommand : ApiCommand
{
    private readonly Argument<string?> _project = new("project")
    {
        Description = "A project: its charter in force, what it inherits included (default: the fleet default and every project with rules of its own)",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public CharterShowCommand(GlobalOptions options, CliEnvironment environment)
        : base("show", "Show the session limits, prompt limits and tool rules in force, each with its config key", options, environment)
    {
        Arguments.Add(_project);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CommandContext context, CancellationToken cancellationToken)
    {
        var page = await context.Client.CharterAsync(parseResult.GetValue(_project), cancellationToken);
        if (context.Format == OutputFormat.Json)
        {
            JsonOutput.WritePretty(context.Out, page.Data);
        }
        else
        {
            CharterRenderer.Render(context.Console, page.Value);
        }
        return ExitCodes.Success;
    }
}
