using HalOSwarm.Agent.Runtimes.Detached;

namespace HalOSwarm.Agent.Runtimes.Codex;

/// <summary>At agent start: follow every tracked thread again from its durable cursor, and stop app-servers nobody tracks.</summary>
internal sealed partial class CodexRuntime
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.RuntimesInUse.Contains(Name) || !(await _probed.Task.WaitAsync(stoppingToken)).Available)
        {
            return;
        }
        try
        {
            var tracked = new HashSet<string>(StringComparer.Ordinal);
            foreach (var session in await _sessions.ListAsync(stoppingToken))
            {
                var folder = _home.SessionFolder(session.SessionId);
                if (session.Runtime != Name || !Directory.Exists(folder) || File.Exists(Path.Combine(folder, "killed")))
                {
                    continue;
                }
                tracked.Add(session.SessionId);
                var cursor = await _recorder.ReadCursorAsync(CodexSession.CursorKeyOf(session.SessionId), stoppingToken);
                var process = DetachedProcess.Attach(folder);
                Follow(session.SessionId, folder, process, cursor);
                Log.Attached(_logger, session.SessionId, process?.IsAlive == true, cursor);
            }
            await StopOrphansAsync(tracked, stoppingToken);
        }
        finally
        {
            _ready.TrySetResult();
        }
        await Task.Delay(Timeout.Infinite, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // The app-servers keep running for the next agent; only the loops that follow them stop.
        foreach (var session in _live.Values)
        {
            await session.DisposeAsync();
        }
        _live.Clear();
    }

    /// <summary>App-servers an earlier agent started but never recorded a session for (it died while starting one).</summary>
    private async Task StopOrphansAsync(HashSet<string> tracked, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(_home.SessionsRoot))
        {
            return;
        }
        foreach (var folder in Directory.EnumerateDirectories(_home.SessionsRoot).Where(f => !tracked.Contains(Path.GetFileName(f))))
        {
            if (DetachedProcess.Attach(folder) is { IsAlive: true } process && !File.Exists(Path.Combine(folder, "killed")))
            {
                await process.StopAsync(TimeSpan.FromSeconds(5), cancellationToken);
                Log.Orphan(_logger, process.Pid, folder);
            }
            if (Path.GetFileName(folder).StartsWith("starting-", StringComparison.Ordinal))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private CodexSession Follow(string threadId, string folder, DetachedProcess? process, long cursor)
    {
        var session = new CodexSession(threadId, folder, new CodexEventMapper(threadId, Codex), _recorder, _logger);
        session.Follow(process, cursor);
        _live[threadId] = session;
        return session;
    }
}
