using System.CommandLine;
using HalOSwarm.Ctl.Output;

namespace HalOSwarm.Ctl.Commands;

/// <summary><c>approvals approve ID [--always]</c> and <c>approvals deny ID</c>.</summary>
internal sealed class ApprovalsAnswerCommand : ApiCommand
{
    private readonly Argument<string> _id = new("id") { Description = "Approval id (from approvals list)" };
    private readonly Option<bool> _always = new("--always") { Description = "Also allow the same pattern from now on, without asking" };
    private readonly bool _approve;

    public ApprovalsAnswerCommand(bool approve, GlobalOptions options, CliEnvironment environment)
        : base(approve ? "approve" : "deny", approve ? "Let the agent program go ahead" : "Refuse the request", options, environment)
    {
        _approve = approve;
        Arguments.Add(_id);
        if (approve)
        {
            Options.Add(_always);
        }
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CommandContext context, CancellationToken cancellationToken)
    {
        var id = parseResult.GetRequiredValue(_id);
        var page = await context.Client.AnswerApprovalAsync(id, _approve, _approve && parseResult.GetValue(_always), cancellationToken);
        if (context.Format == OutputFormat.Json)
        {
            JsonOutput.WritePretty(context.Out, page.Data);
        }
        else
        {
            context.Out.WriteLine($"{page.Value.ApprovalId}: {page.Value.State} (reply {page.Value.Reply}, command {page.Value.CommandId ?? "-"})");
        }
        return ExitCodes.Success;
    }
}
