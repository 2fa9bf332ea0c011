using System.Text.Json;
using HalOSwarm.Agent.Configuration;
using HalOSwarm.Agent.Connection;
using HalOSwarm.Agent.Runtimes;
using HalOSwarm.Agent.Runtimes.Worktrees;
using HalOSwarm.Agent.Storage;
using HalOSwarm.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Agent.Commands;

/// <summary>
/// Runs supervisor commands against the runtime of the target project or session and answers every
/// one, unknown types included; a deadline that passes first ends the command with deadline_exceeded.
/// </summary>
internal sealed partial class CommandExecutor : ICommandHandler
{
    private readonly AgentOptions _options;
    private readonly RuntimeCatalog _runtimes;
    private readonly GitWorktrees _worktrees;
    private readonly SessionStore _sessions;
    private readonly PromptQueue _prompts;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<CommandExecutor> _logger;
    private readonly Dictionary<string, IAgentCommand> _features;

    public CommandExecutor(IOptions<AgentOptions> options, RuntimeCatalog runtimes, GitWorktrees worktrees, SessionStore sessions,
        PromptQueue prompts, IEnumerable<IAgentCommand> features, TimeProvider timeProvider, ILogger<CommandExecutor> logger)
    {
        _features = features.SelectMany(f => f.Types.Select(t => (Type: t, Feature: f))).ToDictionary(x => x.Type, x => x.Feature, StringComparer.Ordinal);
        _options = options.Value;
        _runtimes = runtimes;
        _worktrees = worktrees;
        _sessions = sessions;
        _prompts = prompts;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public async Task<CommandResult> HandleAsync(CommandRequest command, CancellationToken cancellationToken)
    {
        Log.Received(_logger, command.CommandId, command.Type, command.SessionId, command.Project);
        var left = command.Deadline is { } deadline ? deadline - _timeProvider.GetUtcNow() : Timeout.InfiniteTimeSpan;
        if (command.Deadline is not null && left <= TimeSpan.Zero)
        {
            return Fail(command, CommandErrorCodes.DeadlineExceeded, "the deadline passed before the command could run");
        }
        // The deadline runs on the injected clock, so a test's fake time can expire it.
        using var expiry = new CancellationTokenSource(left, _timeProvider);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, expiry.Token);
        try
        {
            var result = await ExecuteAsync(command, cts.Token);
            return new CommandResult(command.CommandId, true, result, null, null);
        }
        catch (RuntimeCommandException ex)
        {
            return Fail(command, ex.ErrorCode, ex.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Fail(command, CommandErrorCodes.DeadlineExceeded, "the deadline passed while the command ran");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Fail(command, CommandErrorCodes.RuntimeError, ex.Message);
        }
    }

    private async Task<JsonElement?> ExecuteAsync(CommandRequest command, CancellationToken cancellationToken)
    {
        if (CommandTypes.TargetsProject(command.Type))
        {
            var project = _options.Projects.FirstOrDefault(p => p.Name == command.Project)
                ?? throw new RuntimeCommandException(CommandErrorCodes.UnknownProject, $"project '{command.Project}' is not hosted on this node");
            if (_features.TryGetValue(command.Type, out var projectFeature))
            {
                return await projectFeature.ExecuteAsync(command, project, cancellationToken);
            }
            return command.Type switch
            {
                CommandTypes.Start => await StartAsync(command, project, cancellationToken),
                CommandTypes.ListAdoptable => await ListAdoptableAsync(project, cancellationToken),
                CommandTypes.Adopt => await AdoptAsync(command, project, cancellationToken),
                _ => throw new RuntimeCommandException(CommandErrorCodes.UnknownCommand, $"this agent does not run '{command.Type}'"),
            };
        }
        if (CommandTypes.TargetsNode(command.Type))
        {
            return _features.TryGetValue(command.Type, out var nodeFeature)
                ? await nodeFeature.ExecuteAsync(command, null, cancellationToken)
                : throw new RuntimeCommandException(CommandErrorCodes.UnknownCommand, $"this agent does not run '{command.Type}'");
        }
        if (!CommandTypes.IsKnown(command.Type))
        {
            throw new RuntimeCommandException(CommandErrorCodes.UnknownCommand, $"unknown command type '{command.Type}'");
        }
        if (string.IsNullOrEmpty(command.SessionId))
        {
            throw new RuntimeCommandException(CommandErrorCodes.InvalidArgs, $"'{command.Type}' needs a session_id");
        }
        var session = await _sessions.GetAsync(command.SessionId, cancellationToken)
            ?? throw new RuntimeCommandException(CommandErrorCodes.UnknownSession, $"session '{command.SessionId}' is not tracked on this node");
        var runtime = Runtime(session.Runtime);
        switch (command.Type)
        {
            case CommandTypes.Prompt or CommandTypes.Inject:
                var text = Arg(command, "text");
                if (string.IsNullOrEmpty(text))
                {
                    throw new RuntimeCommandException(CommandErrorCodes.InvalidArgs, $"'{command.Type}' needs args.text");
                }
                return await _prompts.SubmitAsync(session, command.CommandId, text, Flag(command, "interrupt"), cancellationToken);
            case CommandTypes.PermissionReply:
                var permissionId = Arg(command, "permission_id");
                var reply = Arg(command, "reply");
                if (string.IsNullOrEmpty(permissionId) || reply is not ("once" or "always" or "reject"))
                {
                    throw new RuntimeCommandException(CommandErrorCodes.InvalidArgs,
                        "'permission_reply' needs args.permission_id and args.reply (once, always or reject)");
                }
                await runtime.ReplyPermissionAsync(session, permissionId, reply, cancellationToken);
                return null;
            case CommandTypes.Abort:
                await runtime.AbortAsync(session, cancellationToken);
                return null;
            case CommandTypes.Kill:
                await runtime.KillAsync(session, cancellationToken);
                return null;
            default:
                return await runtime.StatusAsync(session, cancellationToken);
        }
    }

    private IRuntimeAdapter Runtime(string name) => _runtimes.Get(name);

    private async Task<JsonElement?> StartAsync(CommandRequest command, ProjectOptions project, CancellationToken cancellationToken)
    {
        var runtimeName = Arg(command, "runtime") ?? project.Runtime;
        if (!_options.RuntimesInUse.Contains(runtimeName))
        {
            throw new RuntimeCommandException(CommandErrorCodes.RuntimeUnavailable,
                $"runtime '{runtimeName}' is not set up on this node (it runs: {string.Join(", ", _options.RuntimesInUse.Order(StringComparer.Ordinal))})");
        }
        var runtime = Runtime(runtimeName);
        var limit = _options.Runtimes.For(runtimeName).MaxSessions;
        if (limit > 0)
        {
            var running = (await _sessions.ListAsync(cancellationToken))
                .Count(s => s.Runtime == runtimeName && s.Status is not (SessionStatuses.Completed or SessionStatuses.Killed));
            if (running >= limit)
            {
                throw new RuntimeCommandException(CommandErrorCodes.RuntimeAtCapacity,
                    $"runtime '{runtimeName}' already runs {running} session(s) on this node (runtimes.{runtimeName}.max_sessions = {limit})");
            }
        }
        var worktree = Flag(command, "worktree") || project.Worktree ? await _worktrees.CreateAsync(project, cancellationToken) : null;
        var request = new StartSessionRequest(Arg(command, "prompt"), Arg(command, "title"), Arg(command, "model"))
        {
            Directory = worktree?.Path ?? project.Directory,
            Worktree = worktree,
        };
        string id;
        // The running event of the first prompt's turn can be recorded before the start returns; not so for a program that
        // runs on its own before it takes the prompt (its start's running event is not the prompt's turn).
        var beforePrompt = runtime.RunsBeforeFirstPrompt ? (long?)null : _prompts.BeforeSend();
        try
        {
            id = await runtime.StartSessionAsync(project, request, cancellationToken);
        }
        catch when (worktree is not null)
        {
            await GitWorktrees.DiscardAsync(worktree, CancellationToken.None);
            throw;
        }
        if (worktree is not null)
        {
            await _worktrees.AssignAsync(id, project.Name, worktree, CancellationToken.None);
        }
        if (!string.IsNullOrEmpty(request.Prompt))
        {
            _prompts.MarkSent(id, beforePrompt ?? _prompts.BeforeSend());
        }
        return JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["session_id"] = id }, AgentJsonContext.Default.DictionaryStringString);
    }

    private async Task<JsonElement?> ListAdoptableAsync(ProjectOptions project, CancellationToken cancellationToken)
    {
        var sessions = await Runtime(project.Runtime).ListAdoptableAsync(project, cancellationToken);
        var list = new System.Text.Json.Nodes.JsonArray();
        foreach (var session in sessions)
        {
            list.Add(new System.Text.Json.Nodes.JsonObject
            {
                ["external_id"] = session.ExternalId,
                ["title"] = session.Title,
                ["directory"] = session.Directory,
                ["last_activity_at"] = session.LastActivityAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            });
        }
        using var document = JsonDocument.Parse(new System.Text.Json.Nodes.JsonObject { ["runtime"] = project.Runtime, ["sessions"] = list }.ToJsonString());
        return document.RootElement.Clone();
    }

    private async Task<JsonElement?> AdoptAsync(CommandRequest command, ProjectOptions project, CancellationToken cancellationToken)
    {
        var externalId = Arg(command, "external_id");
        if (string.IsNullOrEmpty(externalId))
        {
            throw new RuntimeCommandException(CommandErrorCodes.InvalidArgs, "'adopt' needs args.external_id (see list_adoptable)");
        }
        var id = await Runtime(project.Runtime).AdoptAsync(project, externalId, cancellationToken);
        return JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["session_id"] = id }, AgentJsonContext.Default.DictionaryStringString);
    }

    private static string? Arg(CommandRequest command, string name) =>
        command.Args.ValueKind == JsonValueKind.Object && command.Args.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static bool Flag(CommandRequest command, string name) =>
        command.Args.ValueKind == JsonValueKind.Object && command.Args.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private CommandResult Fail(CommandRequest command, string code, string message)
    {
        Log.Failed(_logger, command.CommandId, command.Type, code, message);
        return new CommandResult(command.CommandId, false, null, message, code);
    }
}
