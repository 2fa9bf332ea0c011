using System.Text.Json;
using System.Text.Json.Nodes;
using HalOSwarm.Agent.Configuration;
using HalOSwarm.Agent.Connection;
using HalOSwarm.Agent.Storage;
using HalOSwarm.Protocol;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Agent.Runtimes.OpenCode;

/// <summary>
/// The opencode adapter: keeps <c>opencode serve</c> running (or attaches to it), follows
/// <c>GET /global/event</c> (one stream for every project directory), reconciles each time the stream
/// (re)connects, records the mapped events, and runs the session commands over the HTTP API.
/// </summary>
internal sealed partial class OpenCodeRuntime : BackgroundService, IRuntimeAdapter
{
    private readonly AgentOptions _options;
    private readonly TaskCompletionSource<RuntimeInfo> _probed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly OpenCodeClient _client;
    private readonly OpenCodeProcessManager _process;
    private readonly OpenCodeEventMapper _mapper;
    private readonly OpenCodeReconciler _reconciler;
    private readonly IEventRecorder _recorder;
    private readonly SessionStore _sessions;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<OpenCodeRuntime> _logger;

    // Completed while the event stream is followed; commands wait for it so that one arriving while
    // opencode is still starting (or restarting) runs once it can, within the command's deadline.
    private TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public OpenCodeRuntime(IOptions<AgentOptions> options, OpenCodeClient client, OpenCodeProcessManager process, OpenCodeEventMapper mapper, OpenCodeReconciler reconciler,
        IEventRecorder recorder, SessionStore sessions, TimeProvider timeProvider, ILogger<OpenCodeRuntime> logger)
    {
        _options = options.Value;
        _client = client;
        _process = process;
        _mapper = mapper;
        _reconciler = reconciler;
        _recorder = recorder;
        _sessions = sessions;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public string Name => RuntimeNames.OpenCode;

    /// <summary>
    /// Available when <c>opencode --version</c> answers, or when a server already answers on the configured
    /// port (attached to, whatever binary started it).
    /// </summary>
    public async Task<RuntimeInfo> ProbeAsync(CancellationToken cancellationToken)
    {
        var options = _options.Runtimes.OpenCode;
        var found = await RuntimeProbe.VersionAsync(Name, options.Binary, ["--version"], null, options.Env, cancellationToken);
        if (!found.Available && await _client.IsHealthyAsync(cancellationToken))
        {
            found = new RuntimeInfo(Name, true, null, null);
        }
        _probed.TrySetResult(found);
        return found;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Runs only for a node with opencode projects, once the catalog found it usable.
        if (!_options.RuntimesInUse.Contains(Name) || !(await _probed.Task.WaitAsync(stoppingToken)).Available)
        {
            return;
        }
        foreach (var session in await _sessions.ListAsync(stoppingToken))
        {
            _mapper.SetStatus(session.SessionId, session.Status);
            if (session.Worktree is not null && session.Directory is not null)
            {
                _mapper.Alias(session.Directory, session.Project);
            }
        }
        var backoff = new Backoff();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _process.EnsureRunningAsync(stoppingToken);
                await FollowAsync(backoff, stoppingToken);
                Log.StreamEnded(_logger, "end of stream");
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Log.StreamEnded(_logger, ex.Message);
            }
            try
            {
                await Task.Delay(backoff.Next(), _timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task FollowAsync(Backoff backoff, CancellationToken cancellationToken)
    {
        // Subscribe first, then reconcile: whatever happens meanwhile waits in the stream, and the
        // once-keys drop what both paths see.
        using var response = await _client.OpenGlobalEventsAsync(cancellationToken);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var reconciled = await _reconciler.ReconcileAsync(cancellationToken);
        Log.Following(_logger, reconciled);
        backoff.Reset();
        Volatile.Read(ref _ready).TrySetResult();
        try
        {
            await foreach (var item in SseReader.ReadAsync(stream, cancellationToken))
            {
                var events = _mapper.MapGlobal(item);
                if (events.Count > 0)
                {
                    await _recorder.RecordAsync(events, cancellationToken);
                }
                foreach (var unseen in _mapper.TakeUnseen())
                {
                    await _recorder.RecordAsync(await ReadBackAsync(unseen, cancellationToken), cancellationToken);
                }
            }
        }
        finally
        {
            Interlocked.Exchange(ref _ready, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        }
    }

    /// <summary>
    /// The finished message as opencode stored it, with its tool results and usage; when it cannot be read, the message
    /// as the stream described it (its text then empty).
    /// </summary>
    private async Task<IReadOnlyList<PendingEvent>> ReadBackAsync(OpenCodeEventMapper.UnseenMessage unseen, CancellationToken cancellationToken)
    {
        try
        {
            var stored = await _client.MessageAsync(unseen.SessionId, unseen.MessageId, unseen.Directory ?? "", cancellationToken);
            if (stored.Get("info") is { } info && OpenCodeEventFactory.IsFinished(info))
            {
                var parts = OpenCodeEventFactory.Parts(stored);
                return [.. OpenCodeEventFactory.MessageFinished(unseen.SessionId, info, parts, OpenCodeEventFactory.Text(parts))];
            }
        }
        catch (RuntimeCommandException ex)
        {
            Log.MessageUnread(_logger, unseen.MessageId, ex.Message);
        }
        return [.. OpenCodeEventFactory.MessageFinished(unseen.SessionId, unseen.Info, [], "")];
    }

    private Task WhenReadyAsync(CancellationToken cancellationToken) =>
        Volatile.Read(ref _ready).Task.WaitAsync(cancellationToken);

    public async Task<string> StartSessionAsync(ProjectOptions project, StartSessionRequest request, CancellationToken cancellationToken)
    {
        await WhenReadyAsync(cancellationToken);
        var directory = request.Directory ?? project.Directory;
        if (directory != project.Directory)
        {
            _mapper.Alias(directory, project.Name, request.Worktree);
        }
        string id;
        using (_mapper.Creating())
        {
            var info = await _client.CreateSessionAsync(directory, request.Title, cancellationToken);
            id = info.Str("id") ?? throw new RuntimeCommandException(CommandErrorCodes.RuntimeError, "opencode created a session without an id");
            // Recorded now (the stream will say the same; the once-key keeps one) so follow-up commands find it.
            await _recorder.RecordAsync([OpenCodeEventFactory.SessionCreated(project.Name, info, info, request.Worktree)], cancellationToken);
        }
        if (!string.IsNullOrEmpty(request.Prompt))
        {
            await _client.PromptAsync(id, directory, request.Prompt, project.ModelFor(request.Model, _options.Runtimes.OpenCode), cancellationToken);
        }
        return id;
    }

    public async Task PromptAsync(SessionRecord session, string text, CancellationToken cancellationToken)
    {
        await WhenReadyAsync(cancellationToken);
        await _client.PromptAsync(session.SessionId, Directory(session), text, null, cancellationToken);
    }

    public async Task AbortAsync(SessionRecord session, CancellationToken cancellationToken)
    {
        await WhenReadyAsync(cancellationToken);
        await _client.AbortAsync(session.SessionId, Directory(session), cancellationToken);
    }

    public async Task KillAsync(SessionRecord session, CancellationToken cancellationToken)
    {
        await WhenReadyAsync(cancellationToken);
        try
        {
            await _client.AbortAsync(session.SessionId, Directory(session), cancellationToken);
        }
        catch (RuntimeCommandException ex) when (ex.ErrorCode != CommandErrorCodes.RuntimeUnavailable)
        {
            // Nothing to abort; deleting is what matters.
        }
        await _client.DeleteAsync(session.SessionId, Directory(session), cancellationToken);
    }

    public async Task<bool> IsBusyAsync(SessionRecord session, CancellationToken cancellationToken)
    {
        await WhenReadyAsync(cancellationToken);
        var statuses = await _client.StatusesAsync(Directory(session), cancellationToken);
        return statuses.Get(session.SessionId).Get("type").Str() is "busy" or "retry";
    }

    public async Task ReplyPermissionAsync(SessionRecord session, string permissionId, string reply, CancellationToken cancellationToken)
    {
        await WhenReadyAsync(cancellationToken);
        await _client.ReplyPermissionAsync(permissionId, Directory(session), reply, cancellationToken);
    }

    /// <summary>
    /// opencode reads auth.json once per project instance and keeps what it read, so a running server is told to drop its
    /// instances: the next session or prompt in each project reads the pushed file. A server that is not up reads it when
    /// it starts.
    /// </summary>
    public async Task CredentialsChangedAsync(CancellationToken cancellationToken)
    {
        if (await _client.IsHealthyAsync(cancellationToken))
        {
            await _client.DisposeInstancesAsync(cancellationToken);
        }
    }

    public async Task<JsonElement> StatusAsync(SessionRecord session, CancellationToken cancellationToken)
    {
        await WhenReadyAsync(cancellationToken);
        var statuses = await _client.StatusesAsync(Directory(session), cancellationToken);
        var info = await _client.GetSessionAsync(session.SessionId, Directory(session), cancellationToken);
        var native = statuses.Get(session.SessionId);
        var result = new JsonObject
        {
            ["status"] = native.Get("type").Str() is "busy" or "retry" ? SessionStatuses.Running : SessionStatuses.Idle,
            ["runtime_status"] = native.Get("type").Str() ?? "idle",
            ["project"] = session.Project,
            ["title"] = info.Str("title"),
            ["model"] = OpenCodeEventFactory.SessionModel(info),
            ["session"] = JsonNode.Parse(info.GetRawText()),
        };
        using var document = JsonDocument.Parse(result.ToJsonString());
        return document.RootElement.Clone();
    }

    private static string Directory(SessionRecord session) => session.Directory ?? "";
}
