using System.CommandLine;
using HalOSwarm.Ctl.Api;
using HalOSwarm.Ctl.Output;

namespace HalOSwarm.Ctl.Commands;

/// <summary>
/// <c>env approve|reject NODE ITEM [--project P]</c>: answers the pending install proposal of an item on a node (approving
/// runs its command there and waits for it). The item is the manifest's id (<c>tool:NAME</c>) or the tool's name.
/// </summary>
internal sealed class EnvDecideCommand : ApiCommand
{
    private readonly bool _approve;
    private readonly Argument<string> _node = new("node") { Description = "Node id" };
    private readonly Argument<string> _item = new("item") { Description = "The item: tool:NAME (or just the tool's name)" };
    private readonly Option<string?> _project = new("--project") { Description = "The project (needed when the node has a pending proposal for the item in several)" };

    public EnvDecideCommand(bool approve, GlobalOptions options, CliEnvironment environment)
        : base(approve ? "approve" : "reject",
            approve ? "Approve a proposed install: its command runs on the node now (needs an operator token)"
                : "Reject a proposed install: nothing runs (needs an operator token)", options, environment)
    {
        _approve = approve;
        Arguments.Add(_node);
        Arguments.Add(_item);
        Options.Add(_project);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CommandContext context, CancellationToken cancellationToken)
    {
        var node = parseResult.GetRequiredValue(_node);
        var item = parseResult.GetRequiredValue(_item);
        var itemId = item.Contains(':', StringComparison.Ordinal) ? item : "tool:" + item;
        var project = parseResult.GetValue(_project);
        var query = new QueryString().Add("state", "pending").Add("node_id", node).Add("project", project).Add("limit", 500);
        var pending = (await context.Client.ListProposalsAsync(query, cancellationToken)).Value.Where(p => p.ItemId == itemId).ToList();
        var proposal = pending.Count switch
        {
            0 => throw new SupervisorException($"no pending proposal for {itemId} on node {node}{(project is null ? "" : $" in project {project}")} (see halctl env proposals)",
                "not_found"),
            1 => pending[0],
            _ => throw new SupervisorException($"{itemId} has pending proposals on node {node} in several projects ({string.Join(", ", pending.Select(p => p.Project))}): give --project",
                "invalid_request"),
        };
        var page = await context.Client.DecideProposalAsync(proposal.Id, _approve, cancellationToken);
        if (context.Format == OutputFormat.Json)
        {
            JsonOutput.WritePretty(context.Out, page.Data);
        }
        else
        {
            EnvProvisionRenderer.RenderDecision(context.Out, page.Value);
        }
        return page.Value.Proposal.State == "failed" ? ExitCodes.Failure : ExitCodes.Success;
    }
}
