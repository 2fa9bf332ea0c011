using System.CommandLine;
using HalOSwarm.Ctl.Api;
using HalOSwarm.Ctl.Output;

namespace HalOSwarm.Ctl.Commands;

/// <summary><c>env proposals [--state S] [--node N] [--project P]</c>: install proposals, newest first.</summary>
internal sealed class EnvProposalsCommand : ApiCommand
{
    private readonly Option<string?> _state = new("--state") { Description = "Only this state: pending, approved, rejected, applied, failed" };
    private readonly Option<string?> _node = new("--node") { Description = "Only this node" };
    private readonly Option<string?> _project = new("--project") { Description = "Only this project" };

    public EnvProposalsCommand(GlobalOptions options, CliEnvironment environment)
        : base("proposals", "List install proposals (the exact commands) and their decisions, newest first", options, environment)
    {
        Options.Add(_state);
        Options.Add(_node);
        Options.Add(_project);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CommandContext context, CancellationToken cancellationToken)
    {
        var query = new QueryString().Add("state", parseResult.GetValue(_state)).Add("node_id", parseResult.GetValue(_node))
            .Add("project", parseResult.GetValue(_project));
        var page = await context.Client.ListProposalsAsync(query, cancellationToken);
        if (context.Format == OutputFormat.Json)
        {
            JsonOutput.WritePretty(context.Out, page.Data);
        }
        else
        {
            EnvProvisionRenderer.RenderProposals(context.Console, page.Value, context.Now);
        }
        return ExitCodes.Success;
    }
}
