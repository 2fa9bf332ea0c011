using System.CommandLine;
using HalOSwarm.Ctl.Api;
using HalOSwarm.Ctl.Output;

namespace HalOSwarm.Ctl.Commands;

internal sealed class ApprovalsListCommand : ApiCommand
{
    private readonly Option<string?> _state = new("--state")
    {
        Description = "Only this state: pending, approved_once, approved_always, rejected, expired, auto_once, auto_always, auto_reject, answered_elsewhere",
    };
    private readonly Option<string?> _session = new("--session") { Description = "Only requests of this session id" };

    public ApprovalsListCommand(GlobalOptions options, CliEnvironment environment)
        : base("list", "List permission requests, newest first", options, environment)
    {
        Options.Add(_state);
        Options.Add(_session);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CommandContext context, CancellationToken cancellationToken)
    {
        var query = new QueryString().Add("state", parseResult.GetValue(_state)).Add("session_id", parseResult.GetValue(_session));
        var page = await context.Client.ListApprovalsAsync(query, cancellationToken);
        if (context.Format == OutputFormat.Json)
        {
            JsonOutput.WritePretty(context.Out, page.Data);
        }
        else
        {
            ApprovalTableRenderer.RenderList(context.Console, page.Value, context.Now);
        }
        return ExitCodes.Success;
    }
}
