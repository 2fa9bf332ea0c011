using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using HalOSwarm.Agent.Configuration;
using HalOSwarm.Agent.Connection;
using HalOSwarm.Agent.Storage;
using HalOSwarm.Protocol;
using HalOSwarm.Protocol.Events;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Agent.Runtimes.ClaudeCode;

/// <summary>
/// The Claude Code adapter: one long-lived <c>claude -p</c> (stream-json in and out) per session, run
/// detached so that it outlives the agent; prompts are lines on its stdin, its stdout is tailed from a
/// durable cursor moved with the events of each line. The session id is Claude's own (given with
/// <c>--session-id</c> on the first start); a session whose program ended (abort, agent or machine
/// restart) is continued with <c>--resume</c> when its next prompt comes.
/// </summary>
internal sealed partial class ClaudeCodeRuntime : BackgroundService, IRuntimeAdapter
{
    private readonly AgentOptions _options;
    private readonly IEventRecorder _recorder;
    private readonly SessionStore _sessions;
    private readonly ClaudePermissionBroker _broker;
    private readonly ClaudePermissionServer _permissions;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ClaudeCodeRuntime> _logger;
    private readonly ConcurrentDictionary<string, ClaudeSession> _live = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<RuntimeInfo> _probed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _loadGate = new(1, 1);
    private CancellationToken _stopping;

    public ClaudeCodeRuntime(IOptions<AgentOptions> options, IEventRecorder recorder, SessionStore sessions, ClaudePermissionBroker broker,
        ClaudePermissionServer permissions, TimeProvider timeProvider, ILogger<ClaudeCodeRuntime> logger)
    {
        _options = options.Value;
        _recorder = recorder;
        _sessions = sessions;
        _broker = broker;
        _permissions = permissions;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public string Name => RuntimeNames.ClaudeCode;

    private ClaudeCodeOptions Options => _options.Runtimes.ClaudeCode;

    private string StateFolder => Path.Combine(_options.StateDir, "runtimes", RuntimeNames.ClaudeCode);

    public async Task<RuntimeInfo> ProbeAsync(CancellationToken cancellationToken)
    {
        var found = await RuntimeProbe.VersionAsync(Name, Options.Binary, ["--version"], null, Options.Env, cancellationToken);
        _probed.TrySetResult(found);
        return found;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        if (!_options.RuntimesInUse.Contains(Name) || !(await _probed.Task.WaitAsync(stoppingToken)).Available)
        {
            return;
        }
        if (Options.Approvals)
        {
            await _permissions.StartAsync(StateFolder, Options.PermissionPort, stoppingToken);
        }
        // Sessions of an earlier agent: rebuild each from its output and go on tailing where it stopped.
        foreach (var record in (await _sessions.ListAsync(stoppingToken)).Where(s => s.Runtime == Name))
        {
            try
            {
                var session = await LoadAsync(record.SessionId, stoppingToken);
                Log.Reattached(_logger, record.SessionId, session.Process?.Pid ?? 0, session.IsAlive);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.TailFailed(_logger, record.SessionId, ex.Message);
            }
        }
        _ready.TrySetResult();
        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the programs keep running; a restarted agent attaches to them.
        }
        await _permissions.DisposeAsync();
    }

    private Task WhenReadyAsync(CancellationToken cancellationToken) => _ready.Task.WaitAsync(cancellationToken);

    /// <summary>The session as this agent holds it; loaded (rebuilt from its output, tail started) on first use.</summary>
    private async Task<ClaudeSession> LoadAsync(string sessionId, CancellationToken cancellationToken)
    {
        if (_live.TryGetValue(sessionId, out var known))
        {
            return known;
        }
        await _loadGate.WaitAsync(cancellationToken);
        try
        {
            if (_live.TryGetValue(sessionId, out known))
            {
                return known;
            }
            var session = new ClaudeSession(sessionId, Path.Combine(StateFolder, sessionId));
            var position = await _recorder.ReadCursorAsync(session.CursorKey, cancellationToken);
            session.Rebuild(position);
            session.Process = Detached.DetachedProcess.Attach(session.Folder);
            var unread = File.Exists(session.OutputPath) && new FileInfo(session.OutputPath).Length > position;
            if (session.IsAlive || unread || !session.Mapper.Exited)
            {
                session.Tail = Task.Run(() => FollowAsync(session, position), CancellationToken.None);
            }
            _live[sessionId] = session;
            return session;
        }
        finally
        {
            _loadGate.Release();
        }
    }

    /// <summary>
    /// Records the output line by line from <paramref name="position"/>, each line's events with the cursor
    /// moved past it in one transaction. Once the program is gone and everything is read, writes the exit
    /// line (closing a turn it left open) and records that too.
    /// </summary>
    private async Task FollowAsync(ClaudeSession session, long position)
    {
        var process = session.Process;
        try
        {
            while (true)
            {
                if (process is not null)
                {
                    await foreach (var (line, next) in process.ReadLinesAsync(position, _stopping))
                    {
                        var events = session.Mapper.Map(line, _timeProvider.GetUtcNow());
                        if (session.Mapper.TakenPrompt is { } taken)
                        {
                            session.PromptTaken(taken);
                        }
                        await _recorder.RecordAsync(events, new RuntimeCursor(session.CursorKey, next), _stopping);
                        position = next;
                    }
                }
                if (session.Mapper.Exited)
                {
                    return;
                }
                session.ForgetPrompts();
                var message = process?.ErrorTail(500) is { Length: > 0 } tail ? tail : "the program ended";
                session.AppendAgentLine(new JsonObject { ["type"] = "hal", ["event"] = "exit", ["message"] = message }.ToJsonString());
                process ??= Detached.DetachedProcess.Attach(session.Folder);
                if (process is null)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Agent stopping; the next one goes on from the cursor.
        }
        catch (Exception ex)
        {
            Log.TailFailed(_logger, session.SessionId, ex.Message);
        }
    }

    public async Task<string> StartSessionAsync(ProjectOptions project, StartSessionRequest request, CancellationToken cancellationToken)
    {
        await WhenReadyAsync(cancellationToken);
        var sessionId = Guid.NewGuid().ToString();
        var directory = request.Worktree?.Path ?? request.Directory ?? project.Directory;
        var data = new SessionCreatedData(project.Name, Name, directory, request.Title, project.ModelFor(request.Model, Options))
        {
            Worktree = request.Worktree?.Path,
            Branch = request.Worktree?.Branch,
        };
        await _recorder.RecordAsync([ClaudeCodeEvents.Created(sessionId, data)], cancellationToken);
        await LoadAsync(sessionId, cancellationToken);
        if (!string.IsNullOrEmpty(request.Prompt))
        {
            var record = await _sessions.GetAsync(sessionId, cancellationToken)
                ?? throw new RuntimeCommandException(CommandErrorCodes.RuntimeError, $"session '{sessionId}' was not recorded");
            await PromptAsync(record, request.Prompt, cancellationToken);
        }
        return sessionId;
    }

    public async Task PromptAsync(SessionRecord session, string text, CancellationToken cancellationToken)
    {
        await WhenReadyAsync(cancellationToken);
        var live = await LoadAsync(session.SessionId, cancellationToken);
        await live.Gate.WaitAsync(cancellationToken);
        try
        {
            await EnsureRunningAsync(session, live, cancellationToken);
            var uuid = Guid.NewGuid().ToString();
            var line = new JsonObject
            {
                ["type"] = "user",
                ["uuid"] = uuid,
                ["message"] = new JsonObject
                {
                    ["role"] = "user",
                    ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = text }),
                },
            };
            live.PromptWritten(uuid);
            live.Process!.WriteLine(line.ToJsonString());
        }
        catch (InvalidOperationException ex)
        {
            throw new RuntimeCommandException(CommandErrorCodes.RuntimeError, $"claude for session '{session.SessionId}': {ex.Message}", ex);
        }
        finally
        {
            live.Gate.Release();
        }
    }

    /// <summary>Starts the session's program unless it runs: <c>--session-id</c> the first time, <c>--resume</c> once Claude has a transcript.</summary>
    private async Task EnsureRunningAsync(SessionRecord record, ClaudeSession session, CancellationToken cancellationToken)
    {
        if (session.IsAlive)
        {
            return;
        }
        if (session.Tail is { } tail)
        {
            // The last program's output is recorded to its end (and its exit line written) before the next one starts.
            await tail.WaitAsync(cancellationToken);
        }
        var project = _options.Projects.FirstOrDefault(p => p.Name == record.Project);
        var env = new Dictionary<string, string>(project?.EnvFor(Options) ?? Options.Env, StringComparer.Ordinal);
        // A permission request waits for a person; Claude's default limit for a tool call is far shorter.
        env.TryAdd("MCP_TOOL_TIMEOUT", "86400000");
        var resume = ClaudeTranscripts.Exists(env, record.SessionId);
        var args = ClaudeCommandLine.Build(record, Options, project, resume, _permissions.IsRunning ? _permissions.UrlFor(record.SessionId) : null);
        var directory = record.Directory ?? project?.Directory ?? throw new RuntimeCommandException(CommandErrorCodes.RuntimeError,
            $"session '{record.SessionId}' has no directory");
        session.AppendAgentLine(new JsonObject { ["type"] = "hal", ["event"] = "start", ["resume"] = resume }.ToJsonString());
        var position = await _recorder.ReadCursorAsync(session.CursorKey, cancellationToken);
        try
        {
            session.Process = Detached.DetachedProcess.Start(session.Folder, Options.Binary, args, directory, env);
        }
        catch (InvalidOperationException ex)
        {
            throw new RuntimeCommandException(CommandErrorCodes.RuntimeUnavailable, $"runtimes.claude-code.binary: {ex.Message}", ex);
        }
        Log.Started(_logger, record.SessionId, session.Process.Pid, resume);
        session.Tail = Task.Run(() => FollowAsync(session, position), CancellationToken.None);
        await session.WaitForInputAsync(TimeSpan.FromSeconds(10), cancellationToken);
    }

    public async Task AbortAsync(SessionRecord session, CancellationToken cancellationToken)
    {
        await WhenReadyAsync(cancellationToken);
        var live = await LoadAsync(session.SessionId, cancellationToken);
        if (live.IsAlive)
        {
            // Claude ends the turn (result error_during_execution) and exits; the next prompt resumes the session.
            live.Process!.Interrupt();
        }
    }

    public async Task KillAsync(SessionRecord session, CancellationToken cancellationToken)
    {
        await WhenReadyAsync(cancellationToken);
        var live = await LoadAsync(session.SessionId, cancellationToken);
        await live.Gate.WaitAsync(cancellationToken);
        try
        {
            if (live.Process is { } process)
            {
                await process.StopAsync(TimeSpan.FromSeconds(Options.StopGraceSec), cancellationToken);
            }
            if (live.Tail is { } tail)
            {
                await tail.WaitAsync(cancellationToken);
            }
            await _recorder.RecordAsync([ClaudeCodeEvents.Status(EventTypes.SessionDeleted, session.SessionId, "killed", null, "deleted:" + session.SessionId)],
                cancellationToken);
            _live.TryRemove(session.SessionId, out _);
        }
        finally
        {
            live.Gate.Release();
        }
    }

    public async Task<bool> IsBusyAsync(SessionRecord session, CancellationToken cancellationToken)
    {
        await WhenReadyAsync(cancellationToken);
        return (await LoadAsync(session.SessionId, cancellationToken)).IsBusy;
    }

    public async Task ReplyPermissionAsync(SessionRecord session, string permissionId, string reply, CancellationToken cancellationToken)
    {
        await WhenReadyAsync(cancellationToken);
        await _broker.ReplyAsync(session.SessionId, permissionId, reply, cancellationToken);
    }

    public async Task<JsonElement> StatusAsync(SessionRecord session, CancellationToken cancellationToken)
    {
        await WhenReadyAsync(cancellationToken);
        var live = await LoadAsync(session.SessionId, cancellationToken);
        var result = new JsonObject
        {
            ["status"] = live.IsBusy ? SessionStatuses.Running : SessionStatuses.Idle,
            ["runtime_status"] = live.IsBusy ? "busy" : live.IsAlive ? "waiting" : "stopped",
            ["project"] = session.Project,
            ["directory"] = session.Directory,
            ["model"] = live.Mapper.Model ?? session.Model,
            ["pid"] = live.IsAlive ? live.Process!.Pid : null,
            ["adopted"] = session.Adopted,
        };
        using var document = JsonDocument.Parse(result.ToJsonString());
        return document.RootElement.Clone();
    }

    /// <summary>Claude's sessions of the project's directory (from its transcripts) that hal does not track.</summary>
    public async Task<IReadOnlyList<AdoptableSession>> ListAdoptableAsync(ProjectOptions project, CancellationToken cancellationToken)
    {
        var tracked = (await _sessions.ListAsync(cancellationToken)).Select(s => s.SessionId).ToHashSet(StringComparer.Ordinal);
        return [.. ClaudeTranscripts.List(project.EnvFor(Options), project.Directory).Where(s => !tracked.Contains(s.ExternalId))];
    }

    /// <summary>
    /// Tracks one of Claude's own sessions (marked adopted) under its own id; its next prompt continues it with
    /// <c>--resume</c>. A program still running it elsewhere is not touched.
    /// </summary>
    public async Task<string> AdoptAsync(ProjectOptions project, string externalId, CancellationToken cancellationToken)
    {
        await WhenReadyAsync(cancellationToken);
        var found = (await ListAdoptableAsync(project, cancellationToken)).FirstOrDefault(s => s.ExternalId == externalId)
            ?? throw new RuntimeCommandException(CommandErrorCodes.InvalidArgs,
                $"Claude has no untracked session '{externalId}' for {project.Directory} (see list_adoptable)");
        var data = new SessionCreatedData(project.Name, Name, project.Directory, found.Title, project.ModelFor(null, Options)) { Adopted = true };
        await _recorder.RecordAsync([ClaudeCodeEvents.Created(externalId, data)], cancellationToken);
        await LoadAsync(externalId, cancellationToken);
        return externalId;
    }
}
