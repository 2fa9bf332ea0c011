using System.CommandLine;
using HalOSwarm.Ctl.Api;

namespace HalOSwarm.Ctl.Commands;

/// <summary><c>sessions adopt &lt;project&gt; &lt;external-id&gt;</c>: bring a running session under supervision without restarting it.</summary>
internal sealed class SessionsAdoptCommand : ApiCommand
{
    private readonly Argument<string> _project = new("project") { Description = "Project name, as a node hosts it" };
    private readonly Argument<string> _externalId = new("external-id") { Description = "The session's id in its runtime (see 'sessions adoptable')" };
    private readonly Option<string?> _node = new("--node", "--node-id") { Description = "Node the session runs on (needed when several nodes host the project)" };
    private readonly Option<int?> _wait = CommonOptions.Wait();
    private readonly Option<string?> _key = CommonOptions.IdempotencyKey();

    public SessionsAdoptCommand(GlobalOptions options, CliEnvironment environment)
        : base("adopt", "Bring a running session of a project under supervision and print its id", options, environment)
    {
        Arguments.Add(_project);
        Arguments.Add(_externalId);
        Options.Add(_node);
        Options.Add(_wait);
        Options.Add(_key);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CommandContext context, CancellationToken cancellationToken)
    {
        var request = new AdoptRequest(parseResult.GetRequiredValue(_externalId), parseResult.GetValue(_node));
        var page = await context.Client.AdoptAsync(parseResult.GetRequiredValue(_project), request, parseResult.GetValue(_wait), parseResult.GetValue(_key),
            cancellationToken);
        var command = page.Value;
        return CommandOutput.Write(context, page, $"adopted session {command.TargetSessionId ?? "?"} on node {command.NodeId ?? "?"}");
    }
}
