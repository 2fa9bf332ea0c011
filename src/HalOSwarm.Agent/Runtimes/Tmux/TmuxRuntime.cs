using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HalOSwarm.Agent.Configuration;
using HalOSwarm.Agent.Connection;
using HalOSwarm.Agent.Storage;
using HalOSwarm.Protocol;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Agent.Runtimes.Tmux;

/// <summary>
/// The tmux adapter: runs a project's command in a named session on the agent's own tmux server
/// (<c>runtimes.tmux.socket</c>), follows each session's screen (<see cref="TmuxSession"/>), types prompts
/// only into a pane that waits or has gone quiet, and after an agent restart takes up the sessions it
/// tracked where their durable cursors left off (the sessions kept running in the tmux server).
/// </summary>
internal sealed partial class TmuxRuntime : BackgroundService, IRuntimeAdapter
{
    private readonly AgentOptions _options;
    private readonly TmuxOptions _tmux;
    private readonly IEventRecorder _recorder;
    private readonly SessionStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger<TmuxRuntime> _logger;
    private readonly ActivityPatterns _patterns;
    private readonly TaskCompletionSource<RuntimeInfo> _probed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<string, TmuxSession> _sessions = new(StringComparer.Ordinal);

    public TmuxRuntime(IOptions<AgentOptions> options, IEventRecorder recorder, SessionStore store, TimeProvider time, ILogger<TmuxRuntime> logger)
    {
        _options = options.Value;
        _tmux = _options.Runtimes.Tmux;
        _recorder = recorder;
        _store = store;
        _time = time;
        _logger = logger;
        _patterns = new ActivityPatterns(_tmux.Patterns);
    }

    public string Name => RuntimeNames.Tmux;

    public bool RunsBeforeFirstPrompt => true;

    /// <summary>The server socket sessions are started on and adopted from.</summary>
    public string Socket => string.IsNullOrWhiteSpace(_tmux.Socket) ? Path.Combine(_options.StateDir, "runtimes", "tmux", "tmux.sock") : _tmux.Socket;

    public async Task<RuntimeInfo> ProbeAsync(CancellationToken cancellationToken)
    {
        var found = await RuntimeProbe.VersionAsync(Name, _tmux.Binary, ["-V"], null, _tmux.Env, cancellationToken);
        _probed.TrySetResult(found);
        return found;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.RuntimesInUse.Contains(Name) || !(await _probed.Task.WaitAsync(stoppingToken)).Available)
        {
            return;
        }
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Socket)!);
            await ReattachAsync(stoppingToken);
            _ready.TrySetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, _time, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            foreach (var session in _sessions.Values)
            {
                await session.DisposeAsync();
            }
        }
    }

    /// <summary>Takes up every tmux session the agent tracked before it stopped.</summary>
    private async Task ReattachAsync(CancellationToken cancellationToken)
    {
        foreach (var record in (await _store.ListAsync(cancellationToken)).Where(s => s.Runtime == Name))
        {
            var folder = TmuxSessionState.FolderOf(_options.StateDir, record.SessionId);
            if (TmuxSessionState.Load(folder) is not { } state)
            {
                Log.NoState(_logger, record.SessionId, folder);
                continue;
            }
            var client = new TmuxClient(_tmux.Binary, state.Socket);
            if (await client.PaneAsync(state.Name, cancellationToken) is { Piped: false })
            {
                await client.PipeAsync(state.Name, Path.Combine(folder, TmuxSessionState.OutputFileName), cancellationToken);
            }
            var cursor = await _recorder.ReadCursorAsync(TmuxSession.CursorKey(record.SessionId), cancellationToken);
            Follow(record.SessionId, folder, state, cursor, client);
            Log.Reattached(_logger, record.SessionId, state.Name, cursor);
        }
    }

    private TmuxSession Follow(string sessionId, string folder, TmuxSessionState state, long cursor, TmuxClient client)
    {
        var session = new TmuxSession(sessionId, folder, state, cursor, client, _tmux, _patterns, _recorder, _time, _logger)
        {
            Gone = s => _sessions.TryRemove(s.SessionId, out _),
        };
        _sessions[sessionId] = session;
        session.Start();
        return session;
    }

    public async Task<string> StartSessionAsync(ProjectOptions project, StartSessionRequest request, CancellationToken cancellationToken)
    {
        await _ready.Task.WaitAsync(cancellationToken);
        var command = !string.IsNullOrWhiteSpace(project.Command) ? project.Command : _tmux.Command;
        if (string.IsNullOrWhiteSpace(command))
        {
            throw new RuntimeCommandException(CommandErrorCodes.InvalidArgs,
                $"project '{project.Name}' has no command to run in tmux: set projects[].command or runtimes.tmux.command");
        }
        var args = project.ArgsFor(_tmux);
        if (args.Count > 0)
        {
            command += " " + string.Join(' ', args.Select(TmuxClient.ShellQuote));
        }
        var name = $"hal-{Regex.Replace(project.Name, "[^A-Za-z0-9_-]", "_")}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
        var folder = TmuxSessionState.FolderOf(_options.StateDir, name);
        var state = new TmuxSessionState
        {
            Name = name,
            Socket = Socket,
            Project = project.Name,
            Directory = request.Directory ?? project.Directory,
            Worktree = request.Worktree?.Root,
            Branch = request.Worktree?.Branch,
            PendingPrompt = string.IsNullOrEmpty(request.Prompt) ? null : request.Prompt,
            State = ActivityStates.Initializing,
            StatusEvent = EventTypes.SessionRunning,
        };
        state.Save(folder);
        var client = new TmuxClient(_tmux.Binary, Socket);
        await client.StartAsync(name, state.Directory, command, project.EnvFor(_tmux), Path.Combine(folder, TmuxSessionState.OutputFileName), cancellationToken);
        await _recorder.RecordAsync([
            TmuxEvents.Created(name, state),
            TmuxEvents.Status(EventTypes.SessionRunning, name, "started"),
            TmuxEvents.Activity(name, ActivityStates.Initializing, command, null),
        ], cancellationToken);
        Follow(name, folder, state, 0, client);
        Log.Started(_logger, name, project.Name);
        return name;
    }

    public async Task PromptAsync(SessionRecord session, string text, CancellationToken cancellationToken) =>
        await (await FindAsync(session, cancellationToken)).PromptAsync(text, cancellationToken);

    public async Task AbortAsync(SessionRecord session, CancellationToken cancellationToken)
    {
        var found = await FindAsync(session, cancellationToken);
        await found.Client.SendKeyAsync(found.State.Name, "C-c", cancellationToken);
    }

    public async Task KillAsync(SessionRecord session, CancellationToken cancellationToken)
    {
        var found = await FindAsync(session, cancellationToken);
        _sessions.TryRemove(session.SessionId, out _);
        await found.DisposeAsync();
        await found.Client.KillAsync(found.State.Name, cancellationToken);
        await found.DrainAsync(cancellationToken);
        Log.Killed(_logger, session.SessionId, found.State.Name);
    }

    public async Task<bool> IsBusyAsync(SessionRecord session, CancellationToken cancellationToken) =>
        !(await FindAsync(session, cancellationToken)).AcceptsInput;

    public Task ReplyPermissionAsync(SessionRecord session, string permissionId, string reply, CancellationToken cancellationToken) =>
        throw new RuntimeCommandException(CommandErrorCodes.UnknownPermission, $"tmux sessions ask no permissions (no '{permissionId}')");

    private async Task<TmuxSession> FindAsync(SessionRecord session, CancellationToken cancellationToken)
    {
        await _ready.Task.WaitAsync(cancellationToken);
        return _sessions.TryGetValue(session.SessionId, out var found)
            ? found
            : throw new RuntimeCommandException(CommandErrorCodes.UnknownSession, $"tmux session '{session.SessionId}' is not followed on this node (it ended)");
    }
}
