using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using HalOSwarm.Agent.Configuration;
using HalOSwarm.Agent.Connection;
using HalOSwarm.Agent.Runtimes.Detached;
using HalOSwarm.Agent.Runtimes.OpenCode;
using HalOSwarm.Agent.Storage;
using HalOSwarm.Protocol;
using HalOSwarm.Protocol.Events;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Agent.Runtimes.Codex;

/// <summary>
/// The Codex adapter: one <c>codex app-server</c> per thread (JSON-RPC over a stdin FIFO, output tailed
/// from a file, both outliving the agent), the thread id as the session id. At agent start it follows
/// every tracked thread again from its durable cursor; commands map to turn/start, turn/interrupt and the
/// answers to the app-server's approval requests.
/// </summary>
internal sealed partial class CodexRuntime : BackgroundService, IRuntimeAdapter
{
    public static readonly Version MinimumVersion = new(0, 169, 0);

    private readonly AgentOptions _options;
    private readonly CodexHome _home;
    private readonly CodexLauncher _launcher;
    private readonly IEventRecorder _recorder;
    private readonly SessionStore _sessions;
    private readonly ILogger<CodexRuntime> _logger;
    private readonly ConcurrentDictionary<string, CodexSession> _live = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<RuntimeInfo> _probed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public CodexRuntime(IOptions<AgentOptions> options, CodexHome home, CodexLauncher launcher, IEventRecorder recorder, SessionStore sessions,
        ILogger<CodexRuntime> logger)
    {
        _options = options.Value;
        _home = home;
        _launcher = launcher;
        _recorder = recorder;
        _sessions = sessions;
        _logger = logger;
    }

    public string Name => RuntimeNames.Codex;

    private CodexOptions Codex => _options.Runtimes.Codex;

    public async Task<RuntimeInfo> ProbeAsync(CancellationToken cancellationToken)
    {
        var found = await RuntimeProbe.VersionAsync(Name, Codex.Binary, ["--version"], MinimumVersion, Codex.Env, cancellationToken);
        _probed.TrySetResult(found);
        return found;
    }

    private Task WhenReadyAsync(CancellationToken cancellationToken) => _ready.Task.WaitAsync(cancellationToken);

    public async Task<string> StartSessionAsync(ProjectOptions project, StartSessionRequest request, CancellationToken cancellationToken)
    {
        await WhenReadyAsync(cancellationToken);
        var directory = request.Directory ?? project.Directory;
        var starting = Path.Combine(_home.SessionsRoot, "starting-" + Guid.NewGuid().ToString("N"));
        var model = project.ModelFor(request.Model, Codex);
        var (process, thread, offset) = await _launcher.StartThreadAsync(starting, project, directory, model, cancellationToken);
        var threadId = thread.Str("id") ?? throw new RuntimeCommandException(CommandErrorCodes.RuntimeError, "codex started a thread without an id");
        var folder = _home.SessionFolder(threadId);
        Directory.Move(starting, folder);
        var created = new SessionCreatedData(project.Name, Name, directory, request.Title, thread.Str("model") ?? model, null, thread,
            Worktree: request.Worktree?.Root ?? request.Worktree?.Path, Branch: request.Worktree?.Branch);
        await _recorder.RecordAsync([CodexEvents.Created(threadId, created)], new RuntimeCursor(CodexSession.CursorKeyOf(threadId), offset), cancellationToken);
        var session = Follow(threadId, folder, DetachedProcess.Attach(folder) ?? process, offset);
        Log.Started(_logger, threadId, project.Name, process.Pid);
        if (!string.IsNullOrEmpty(request.Prompt))
        {
            await StartTurnAsync(session, project, directory, request.Prompt, cancellationToken);
        }
        return threadId;
    }

    public async Task PromptAsync(SessionRecord session, string text, CancellationToken cancellationToken)
    {
        var live = await LiveAsync(session, cancellationToken);
        await StartTurnAsync(live, Project(session), session.Directory ?? Project(session).Directory, text, cancellationToken);
    }

    private async Task StartTurnAsync(CodexSession session, ProjectOptions project, string directory, string text, CancellationToken cancellationToken)
    {
        await session.Gate.WaitAsync(cancellationToken);
        try
        {
            await EnsureRunningAsync(session, project, directory, cancellationToken);
            session.TurnStarting = true;
            var input = new JsonArray { new JsonObject { ["type"] = "text", ["text"] = text } };
            await session.Rpc.CallAsync("turn/start", new JsonObject { ["threadId"] = session.ThreadId, ["input"] = input }, _launcher.StartupTimeout, cancellationToken);
        }
        finally
        {
            session.TurnStarting = false;
            session.Gate.Release();
        }
    }

    /// <summary>Starts a new app-server for the thread when the one it ran in has ended, and resumes the thread in it.</summary>
    private async Task EnsureRunningAsync(CodexSession session, ProjectOptions project, string directory, CancellationToken cancellationToken)
    {
        if (session.IsAlive)
        {
            return;
        }
        var process = await _launcher.LaunchAsync(session.Folder, project, directory, cancellationToken);
        session.Restarted(process);
        await session.Rpc.CallAsync("initialize", CodexLauncher.InitializeParams(), _launcher.StartupTimeout, cancellationToken);
        session.Rpc.Notify("initialized");
        var resume = _launcher.ThreadParams(directory, null);
        resume["threadId"] = session.ThreadId;
        resume["excludeTurns"] = true;
        await session.Rpc.CallAsync("thread/resume", resume, _launcher.StartupTimeout, cancellationToken);
        Log.Resumed(_logger, session.ThreadId, process.Pid);
    }

    public async Task AbortAsync(SessionRecord session, CancellationToken cancellationToken)
    {
        var live = await LiveAsync(session, cancellationToken);
        string? turnId;
        lock (live.Mapper)
        {
            turnId = live.Mapper.ActiveTurnId;
        }
        if (turnId is null || !live.IsAlive)
        {
            return;
        }
        await live.Rpc.CallAsync("turn/interrupt", new JsonObject { ["threadId"] = live.ThreadId, ["turnId"] = turnId }, _launcher.StartupTimeout, cancellationToken);
    }

    public async Task KillAsync(SessionRecord session, CancellationToken cancellationToken)
    {
        var live = await LiveAsync(session, cancellationToken);
        await File.WriteAllTextAsync(live.KilledMarker, "", cancellationToken);
        if (live.Rpc.Process is { } process)
        {
            await process.StopAsync(TimeSpan.FromSeconds(5), cancellationToken);
            try
            {
                await live.WaitDrainedAsync(TimeSpan.FromSeconds(3), cancellationToken);
            }
            catch (TimeoutException)
            {
                // Read what it could; the session ends either way.
            }
        }
        await _recorder.RecordAsync([CodexEvents.Deleted(live.ThreadId, "killed")], cancellationToken);
        _live.TryRemove(live.ThreadId, out _);
        await live.DisposeAsync();
    }

    public async Task<bool> IsBusyAsync(SessionRecord session, CancellationToken cancellationToken) =>
        (await LiveAsync(session, cancellationToken)).IsBusy;

    public async Task ReplyPermissionAsync(SessionRecord session, string permissionId, string reply, CancellationToken cancellationToken)
    {
        var live = await LiveAsync(session, cancellationToken);
        PendingApproval? pending;
        lock (live.Mapper)
        {
            pending = live.Mapper.Approvals.GetValueOrDefault(permissionId);
        }
        if (pending is null || !live.IsAlive)
        {
            throw new RuntimeCommandException(CommandErrorCodes.UnknownPermission, $"codex thread {live.ThreadId} is not waiting for permission '{permissionId}'");
        }
        live.Rpc.Answer(pending.RequestIdJson, new JsonObject { ["decision"] = Decision(pending.Method, reply) });
        await _recorder.RecordAsync([CodexEvents.PermissionReplied(live.ThreadId, permissionId, reply)], cancellationToken);
    }

    /// <summary>The app-server's decision values: v2 requests take accept/acceptForSession/decline, the older ones approved/approved_for_session/denied.</summary>
    public static string Decision(string method, string reply)
    {
        var legacy = method is "execCommandApproval" or "applyPatchApproval";
        return reply switch
        {
            "once" => legacy ? "approved" : "accept",
            "always" => legacy ? "approved_for_session" : "acceptForSession",
            "reject" => legacy ? "denied" : "decline",
            _ => throw new RuntimeCommandException(CommandErrorCodes.InvalidArgs, $"reply '{reply}' is not once, always or reject"),
        };
    }

    public async Task<JsonElement> StatusAsync(SessionRecord session, CancellationToken cancellationToken)
    {
        var live = await LiveAsync(session, cancellationToken);
        JsonObject result;
        lock (live.Mapper)
        {
            var busy = live.IsBusy;
            result = new JsonObject
            {
                ["status"] = busy ? SessionStatuses.Running : SessionStatuses.Idle,
                ["runtime_status"] = !live.IsAlive ? "stopped" : live.Mapper.Approvals.Count > 0 ? "waiting_on_approval" : busy ? "active" : "idle",
                ["project"] = session.Project,
                ["title"] = session.Title,
                ["model"] = live.Mapper.Model ?? session.Model,
                ["thread_id"] = live.ThreadId,
                ["turn_id"] = live.Mapper.ActiveTurnId,
                ["pid"] = live.Rpc.Process?.Pid,
                ["pending_approvals"] = new JsonArray([.. live.Mapper.Approvals.Keys.Select(k => (JsonNode)k)]),
            };
        }
        return CodexEvents.Element(result);
    }

    private async Task<CodexSession> LiveAsync(SessionRecord session, CancellationToken cancellationToken)
    {
        await WhenReadyAsync(cancellationToken);
        return _live.TryGetValue(session.SessionId, out var live)
            ? live
            : throw new RuntimeCommandException(CommandErrorCodes.UnknownSession, $"codex thread {session.SessionId} is not followed on this node");
    }

    private ProjectOptions Project(SessionRecord session) =>
        _options.Projects.FirstOrDefault(p => p.Name == session.Project)
        ?? throw new RuntimeCommandException(CommandErrorCodes.UnknownProject, $"project '{session.Project}' is not hosted on this node");
}
