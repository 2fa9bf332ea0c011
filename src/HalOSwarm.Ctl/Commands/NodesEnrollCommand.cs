using System.CommandLine;
using HalOSwarm.Ctl.Output;

namespace HalOSwarm.Ctl.Commands;

/// <summary><c>nodes enroll NODE_ID</c>: a token for that node's agent, printed once.</summary>
internal sealed class NodesEnrollCommand : ApiCommand
{
    private readonly Argument<string> _id = new("id") { Description = "The node id the agent will use (its state_dir/node-id)" };

    public NodesEnrollCommand(GlobalOptions options, CliEnvironment environment)
        : base("enroll", "Issue a token that lets an agent connect as this node id and no other; printed once", options, environment)
    {
        Arguments.Add(_id);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CommandContext context, CancellationToken cancellationToken)
    {
        var page = await context.Client.EnrollNodeAsync(parseResult.GetRequiredValue(_id), cancellationToken);
        TokenTableRenderer.RenderIssued(context, page);
        return ExitCodes.Success;
    }
}
