using System.CommandLine;
using HalOSwarm.Ctl.Output;

namespace HalOSwarm.Ctl.Commands;

/// <summary><c>auth status &lt;node&gt; [--check]</c>: the node's credential sync and each agent program's login, as the runbook shows them.</summary>
internal sealed class AuthStatusCommand : ApiCommand
{
    private readonly Argument<string> _node = new("node") { Description = "Node id" };
    private readonly Option<bool> _check = new("--check") { Description = "Ask the agent to check every login now (operator) instead of showing the last report" };

    public AuthStatusCommand(GlobalOptions options, CliEnvironment environment)
        : base("status", "Show a node's credential sync and its agent programs' logins", options, environment)
    {
        Arguments.Add(_node);
        Options.Add(_check);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CommandContext context, CancellationToken cancellationToken)
    {
        var node = parseResult.GetRequiredValue(_node);
        var page = parseResult.GetValue(_check)
            ? await context.Client.CheckNodeAuthAsync(node, cancellationToken)
            : await context.Client.GetNodeAuthAsync(node, cancellationToken);
        if (context.Format == OutputFormat.Json)
        {
            JsonOutput.WritePretty(context.Out, page.Data);
        }
        else
        {
            AuthStatusRenderer.Render(context.Out, page.Value);
        }
        return ExitCodes.Success;
    }
}
