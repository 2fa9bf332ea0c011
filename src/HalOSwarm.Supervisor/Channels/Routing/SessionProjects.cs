using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;

namespace HalOSwarm.Supervisor.Channels.Routing;

/// <summary>The project of a session, read once per session (it never changes) for the rules and alerts that name it.</summary>
internal sealed class SessionProjects(IDatabase database)
{
    private const int MaxCached = 10_000;
    private readonly Dictionary<string, string> _cache = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public async Task<string?> GetAsync(string? sessionId, CancellationToken cancellationToken)
    {
        if (sessionId is null)
        {
            return null;
        }
        lock (_lock)
        {
            if (_cache.TryGetValue(sessionId, out var known))
            {
                return known;
            }
        }
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT project FROM sessions WHERE session_id = @sid";
        command.AddParameter("@sid", sessionId);
        if (await command.ExecuteScalarAsync(cancellationToken) is not string project)
        {
            return null; // not known yet (or no project): asked again next time
        }
        lock (_lock)
        {
            if (_cache.Count >= MaxCached)
            {
                _cache.Clear();
            }
            _cache[sessionId] = project;
        }
        return project;
    }
}
