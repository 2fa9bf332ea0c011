using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using HalOSwarm.Agent.Configuration;
using HalOSwarm.Agent.Connection;
using HalOSwarm.Agent.Runtimes.Detached;
using HalOSwarm.Agent.Storage;
using HalOSwarm.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Agent.Runtimes.ClaudeCode;

/// <summary>
/// The Claude Code sessions this agent holds and their programs: loads a session (rebuilt from its
/// output up to the durable cursor, attached to its program if that still runs), starts or resumes its
/// program, and tails the program's output into recorded events.
/// </summary>
internal sealed partial class ClaudePrograms : IDisposable
{
    private readonly AgentOptions _options;
    private readonly IEventRecorder _recorder;
    private readonly ClaudePermissionServer _permissions;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ClaudePrograms> _logger;
    private readonly ConcurrentDictionary<string, ClaudeSession> _live = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _loadGate = new(1, 1);
    private CancellationToken _stopping;

    public ClaudePrograms(IOptions<AgentOptions> options, IEventRecorder recorder, ClaudePermissionServer permissions, TimeProvider timeProvider,
        ILogger<ClaudePrograms> logger)
    {
        _options = options.Value;
        _recorder = recorder;
        _permissions = permissions;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    private ClaudeCodeOptions Options => _options.Runtimes.ClaudeCode;

    /// <summary>state_dir/runtimes/claude-code: one folder per session, and the permission endpoint's file.</summary>
    public string StateFolder => Path.Combine(_options.StateDir, "runtimes", RuntimeNames.ClaudeCode);

    /// <summary>Tails stop when <paramref name="stopping"/> is cancelled (the agent stops; the programs run on).</summary>
    public void Start(CancellationToken stopping) => _stopping = stopping;

    public void Dispose() => _loadGate.Dispose();

    /// <summary>Forgets a session that ended.</summary>
    public void Forget(string sessionId) => _live.TryRemove(sessionId, out _);

    /// <summary>The session as this agent holds it; loaded (rebuilt from its output, tail started) on first use.</summary>
    public async Task<ClaudeSession> LoadAsync(string sessionId, CancellationToken cancellationToken)
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
            session.Rebuild(position, _timeProvider.GetUtcNow());
            session.Process = DetachedProcess.Attach(session.Folder, _timeProvider);
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
        while (true)
        {
            try
            {
                await TailAsync(session, position);
                return;
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                // Agent stopping; the next one goes on from the cursor.
                return;
            }
            catch (Exception ex)
            {
                // The line whose events could not be recorded is read again, by a mapper rebuilt up to the cursor.
                Log.TailFailed(_logger, session.SessionId, ex.Message);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), _timeProvider, _stopping);
                    position = await _recorder.ReadCursorAsync(session.CursorKey, _stopping);
                    session.Rebuild(position, _timeProvider.GetUtcNow());
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task TailAsync(ClaudeSession session, long position)
    {
        var process = session.Process;
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
            process ??= DetachedProcess.Attach(session.Folder, _timeProvider);
            if (process is null)
            {
                return;
            }
        }
    }

    /// <summary>Starts the session's program unless it runs: <c>--session-id</c> the first time, <c>--resume</c> once Claude has a transcript.</summary>
    public async Task EnsureRunningAsync(SessionRecord record, ClaudeSession session, CancellationToken cancellationToken)
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
            session.Process = DetachedProcess.Start(session.Folder, Options.Binary, args, directory, env, _timeProvider);
        }
        catch (InvalidOperationException ex)
        {
            throw new RuntimeCommandException(CommandErrorCodes.RuntimeUnavailable, $"runtimes.claude-code.binary: {ex.Message}", ex);
        }
        Log.Started(_logger, record.SessionId, session.Process.Pid, resume);
        session.Tail = Task.Run(() => FollowAsync(session, position), CancellationToken.None);
        await session.WaitForInputAsync(TimeSpan.FromSeconds(10), cancellationToken);
    }
}
