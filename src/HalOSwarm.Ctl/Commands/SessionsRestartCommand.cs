using System.CommandLine;

namespace HalOSwarm.Ctl.Commands;

/// <summary>
/// <c>restart &lt;id&gt; [--to NODE|auto]</c> and <c>migrate &lt;id&gt; [--to NODE]</c>: the handover restart, in place or with
/// the successor on another node (<c>migrate</c> is a restart whose <c>--to</c> defaults to <c>auto</c>).
/// </summary>
internal sealed class SessionsRestartCommand : ApiCommand
{
    private readonly Argument<string> _id = new("id") { Description = "Session id" };
    private readonly Option<string?> _to;
    private readonly Option<int?> _wait = CommonOptions.Wait();
    private readonly Option<string?> _key = CommonOptions.IdempotencyKey();
    private readonly bool _migrate;

    public SessionsRestartCommand(bool migrate, GlobalOptions options, CliEnvironment environment)
        : base(migrate ? "migrate" : "restart",
            migrate
                ? "Move a session to another node hosting its project: a handover restart whose new session starts there"
                : "Restart a session with a handover to a new one",
            options, environment)
    {
        _migrate = migrate;
        _to = new Option<string?>("--to")
        {
            Description = migrate
                ? "Node the new session starts on (default: auto, another node chosen by the supervisor's placement)"
                : "Start the new session on this node instead (a node id, or auto for one the placement picks): a migration",
        };
        Arguments.Add(_id);
        Options.Add(_to);
        Options.Add(_wait);
        Options.Add(_key);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CommandContext context, CancellationToken cancellationToken)
    {
        var id = parseResult.GetRequiredValue(_id);
        var to = parseResult.GetValue(_to) ?? (_migrate ? "auto" : null);
        var page = await context.Client.RestartSessionAsync(id, to, parseResult.GetValue(_wait), parseResult.GetValue(_key), cancellationToken);
        return CommandOutput.Write(context, page, to is null ? $"restarted session {id}" : $"migrated session {id}");
    }
}
