using System.Collections.Concurrent;
using HalOSwarm.Supervisor.Sessions;

namespace HalOSwarm.Supervisor.ClientApi;

/// <summary>
/// Which project a session belongs to, for subscriptions filtered by project (events carry a session, not a project).
/// A session's project never changes once known, so it is remembered (at most <see cref="MaxEntries"/> sessions, then
/// forgotten all at once); a session not known yet, or still without a project, is read again next time.
/// </summary>
internal sealed class SessionProjects(SessionQueries sessions)
{
    private const int MaxEntries = 100_000;
    private readonly ConcurrentDictionary<string, string> _known = new(StringComparer.Ordinal);

    public async ValueTask<string?> ProjectOfAsync(string sessionId, CancellationToken cancellationToken)
    {
        if (_known.TryGetValue(sessionId, out var project))
        {
            return project;
        }
        if ((await sessions.GetAsync(sessionId, cancellationToken))?.Project is not { } stored)
        {
            return null;
        }
        if (_known.Count >= MaxEntries)
        {
            _known.Clear();
        }
        _known[sessionId] = stored;
        return stored;
    }
}
