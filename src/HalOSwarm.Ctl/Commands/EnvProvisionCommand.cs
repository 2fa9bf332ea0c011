using System.CommandLine;
using HalOSwarm.Ctl.Output;

namespace HalOSwarm.Ctl.Commands;

/// <summary><c>env provision PROJECT [--node N] [--dry-run]</c>: safe fixes applied now, installs proposed for approval.</summary>
internal sealed class EnvProvisionCommand : ApiCommand
{
    private readonly Argument<string> _project = new("project") { Description = "Project name" };
    private readonly Option<string?> _node = new("--node") { Description = "Only this node (default: every online node that hosts the project)" };
    private readonly Option<bool> _dryRun = new("--dry-run") { Description = "Show the fixes and proposals; change nothing, store no proposal" };

    public EnvProvisionCommand(GlobalOptions options, CliEnvironment environment)
        : base("provision", "Apply a project's safe environment fixes (AGENT.md, .context/, docs, hooks) and propose installs (needs an operator token)",
            options, environment)
    {
        Arguments.Add(_project);
        Options.Add(_node);
        Options.Add(_dryRun);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CommandContext context, CancellationToken cancellationToken)
    {
        var page = await context.Client.ProvisionAsync(parseResult.GetRequiredValue(_project), parseResult.GetValue(_node), parseResult.GetValue(_dryRun),
            cancellationToken);
        if (context.Format == OutputFormat.Json)
        {
            JsonOutput.WritePretty(context.Out, page.Data);
        }
        else
        {
            EnvProvisionRenderer.RenderProvision(context.Out, page.Value);
        }
        return page.Value.Any(n => n.Error is not null || (n.Applied ?? []).Any(a => a.Outcome == "failed")) ? ExitCodes.Failure : ExitCodes.Success;
    }
}
