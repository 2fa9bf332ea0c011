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
    private readonly ClaudePrograms _programs;
    private readonly ILogger<ClaudeCodeRuntime> _logger;
    private readonly TaskCompletionSource<RuntimeInfo> _probed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ClaudeCodeRuntime(IOptions<AgentOptions> options, IEventRecorder recorder, SessionStore sessions, ClaudePermissionBroker broker,
        ClaudePermissionServer permissions, ClaudePrograms programs, ILogger<ClaudeCodeRuntime> logger)
    {
        _options = options.Value;
        _recorder = recorder;
        _sessions = sessions;
        _broker = broker;
        _permissions = permissions;
        _programs = programs;
        _logger = logger;
    }

    public string Name => RuntimeNames.ClaudeCode;

    private ClaudeCodeOptions Options => _options.Runtimes.ClaudeCode;

    public async Task<RuntimeInfo> ProbeAsync(CancellationToken cancellationToken)
    {
        var found = await RuntimeProbe.VersionAsync(Name, Options.Binary, ["--version"], null, Options.Env, cancellationToken);
        _probed.TrySetResult(found);
        return found;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _programs.Start(stoppingToken);
        if (!_options.RuntimesInUse.Contains(Name) || !(await _probed.Task.WaitAsync(stoppingToken)).Available)
        {
            return;
        }
        if (Options.Approvals)
        {
            await _permissions.StartAsync(_programs.StateFolder, Options.PermissionPort, stoppingToken);
        }
        // Sessions of an earlier agent: rebuild each from its output and go on tailing where it stopped.
        foreach (var record in (await _sessions.ListAsync(stoppingToken)).Where(s => s.Runtime == Name))
        {
            try
            {
                var session = await _programs.LoadAsync(record.SessionId, stoppingToken);
                Log.Reattached(_logger, record.SessionId, session.Process?.Pid ?? 0, session.IsAlive);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.ReattachFailed(_logger, record.SessionId, ex.Message);
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

    public async Task<string> StartSessionAsync(ProjectOptions project, StartSessionRequest request, CancellationToken cancellationToken)
    {
        await WhenReadyAsync(cancellationToken);
        var sessionId = Guid.NewGuid().ToString();
        var directory = request.Worktree?.Path ?? request.Directory ?? project.Directory;
        var data = new SessionCreatedData(project.Name, Name, directory, request.Title, project.ModelFor(request.Model, Options))
        {
            Worktree = request.Worktree?.Root ?? request.Worktree?.Path,
            Branch = request.Worktree?.Branch,
        };
        await _recorder.RecordAsync([ClaudeCodeEvents.Created(sessionId, data)], cancellationToken);
        await _programs.LoadAsync(sessionId, cancellationToken);
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
        var live = await _programs.LoadAsync(session.SessionId, cancellationToken);
        await live.Gate.WaitAsync(cancellationToken);
        try
        {
            await _programs.EnsureRunningAsync(session, live, cancellationToken);
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

    public async Task AbortAsync(SessionRecord session, CancellationToken cancellationToken)
    {
        await WhenReadyAsync(cancellationToken);
        var live = await _programs.LoadAsync(session.SessionId, cancellationToken);
        if (live.IsAlive)
        {
            // Claude ends the turn (result error_during_execution) and exits, or at times exits before writing the
            // result; either way the turn reads as aborted. The next prompt resumes the session.
            live.Mapper.InterruptRequested();
            live.Process!.Interrupt();
        }
    }

    public async Task KillAsync(SessionRecord session, CancellationToken cancellationToken)
    {
        await WhenReadyAsync(cancellationToken);
        var live = await _programs.LoadAsync(session.SessionId, cancellationToken);
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
            _programs.Forget(session.SessionId);
        }
        finally
        {
            live.Gate.Release();
        }
    }

    public async Task<bool> IsBusyAsync(SessionRecord session, CancellationToken cancellationToken)
    {
        await WhenReadyAsync(cancellationToken);
        return (await _programs.LoadAsync(session.SessionId, cancellationToken)).IsBusy;
    }

    public async Task ReplyPermissionAsync(SessionRecord session, string permissionId, string reply, CancellationToken cancellationToken)
    {
        await WhenReadyAsync(cancellationToken);
        await _broker.ReplyAsync(session.SessionId, permissionId, reply, cancellationToken);
    }

    public async Task<JsonElement> StatusAsync(SessionRecord session, CancellationToken cancellationToken)
    {
        await WhenReadyAsync(cancellationToken);
        var live = await _programs.LoadAsync(session.SessionId, cancellationToken);
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
        await _programs.LoadAsync(externalId, cancellationToken);
        return externalId;
    }
}
