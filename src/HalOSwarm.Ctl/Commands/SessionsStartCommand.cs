using System.CommandLine;
using HalOSwarm.Ctl.Api;
using HalOSwarm.Protocol;

namespace HalOSwarm.Ctl.Commands;

/// <summary><c>sessions start</c> and the top-level <c>start</c>: a new session in a project.</summary>
internal sealed class SessionsStartCommand : ApiCommand
{
    private readonly Argument<string> _project = new("project") { Description = "Project name, as a node hosts it" };
    private readonly Option<string?> _node = new("--node", "--node-id") { Description = "Node to start on (default: the supervisor picks an online node hosting the project)" };
    private readonly Option<string?> _prompt = new("--prompt") { Description = "First prompt to send (default: the supervisor's prompts.init)" };
    private readonly Option<string?> _title = new("--title") { Description = "Session title" };
    private readonly Option<string?> _runtime = CreateRuntime();
    private readonly Option<bool> _worktree = new("--worktree") { Description = "Give the session its own git worktree and branch (default: the project's setting)" };
    private readonly Option<int?> _wait = CommonOptions.Wait();
    private readonly Option<string?> _key = CommonOptions.IdempotencyKey();

    public SessionsStartCommand(GlobalOptions options, CliEnvironment environment)
        : base("start", "Start a session in a project and print its id", options, environment)
    {
        Arguments.Add(_project);
        Options.Add(_node);
        Options.Add(_prompt);
        Options.Add(_title);
        Options.Add(_runtime);
        Options.Add(_worktree);
        Options.Add(_wait);
        Options.Add(_key);
    }

    private static Option<string?> CreateRuntime()
    {
        var option = new Option<string?>("--runtime") { Description = "Runtime to run the session in (default: the project's)" };
        option.AcceptOnlyFromAmong(RuntimeNames.OpenCode, RuntimeNames.ClaudeCode, RuntimeNames.Codex, RuntimeNames.Tmux);
        return option;
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CommandContext context, CancellationToken cancellationToken)
    {
        var request = new StartSessionRequest(parseResult.GetValue(_node), parseResult.GetValue(_prompt), parseResult.GetValue(_title))
        {
            Runtime = parseResult.GetValue(_runtime),
            Worktree = parseResult.GetValue(_worktree) ? true : null,
        };
        var page = await context.Client.StartSessionAsync(
            parseResult.GetRequiredValue(_project), request, parseResult.GetValue(_wait), parseResult.GetValue(_key), cancellationToken);
        var command = page.Value;
        return CommandOutput.Write(context, page, $"started session {command.TargetSessionId ?? "?"} on node {command.NodeId ?? "?"}");
    }
}
