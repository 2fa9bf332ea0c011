using System.Globalization;

namespace HalOSwarm.Agent.Storage;

/// <summary>The per-session prompt queue in agent.db (table <c>prompt_queue</c>), oldest first.</summary>
internal sealed class PromptQueueStore
{
    private readonly AgentDatabase _database;
    private readonly TimeProvider _timeProvider;

    public PromptQueueStore(AgentDatabase database, TimeProvider timeProvider)
    {
        _database = database;
        _timeProvider = timeProvider;
    }

    /// <summary>Appends a prompt; returns its 1-based position in the session's queue.</summary>
    public Task<int> EnqueueAsync(string sessionId, string commandId, string text, CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        return _database.TransactAsync((connection, transaction) =>
        {
            using (var insert = connection.Command(
                "INSERT INTO prompt_queue(session_id, command_id, text, queued_at) VALUES ($s, $c, $t, $now)", transaction))
            {
                insert.With("$s", sessionId).With("$c", commandId).With("$t", text).With("$now", now).ExecuteNonQuery();
            }
            return Count(connection, sessionId, transaction);
        }, cancellationToken);
    }

    public Task<int> CountAsync(string sessionId, CancellationToken cancellationToken) =>
        _database.RunAsync(connection => Count(connection, sessionId, null), cancellationToken);

    public Task<QueuedPrompt?> PeekAsync(string sessionId, CancellationToken cancellationToken) =>
        _database.RunAsync(connection =>
        {
            using var read = connection.Command(
                "SELECT id, command_id, text FROM prompt_queue WHERE session_id = $s ORDER BY id LIMIT 1").With("$s", sessionId);
            using var reader = read.ExecuteReader();
            return reader.Read() ? new QueuedPrompt(reader.GetInt64(0), sessionId, reader.GetString(1), reader.GetString(2)) : null;
        }, cancellationToken);

    /// <summary>The sessions with at least one queued prompt.</summary>
    public Task<IReadOnlyList<string>> SessionsAsync(CancellationToken cancellationToken) =>
        _database.RunAsync<IReadOnlyList<string>>(connection =>
        {
            using var read = connection.Command("SELECT DISTINCT session_id FROM prompt_queue ORDER BY session_id");
            using var reader = read.ExecuteReader();
            var sessions = new List<string>();
            while (reader.Read())
            {
                sessions.Add(reader.GetString(0));
            }
            return sessions;
        }, cancellationToken);

    public Task RemoveAsync(long id, CancellationToken cancellationToken) =>
        _database.RunAsync(connection =>
        {
            using var delete = connection.Command("DELETE FROM prompt_queue WHERE id = $id").With("$id", id);
            return delete.ExecuteNonQuery();
        }, cancellationToken);

    /// <summary>Drops every prompt queued for a session that no longer exists; returns how many.</summary>
    public Task<int> DropAsync(string sessionId, CancellationToken cancellationToken) =>
        _database.RunAsync(connection =>
        {
            using var delete = connection.Command("DELETE FROM prompt_queue WHERE session_id = $s").With("$s", sessionId);
            return delete.ExecuteNonQuery();
        }, cancellationToken);

    private static int Count(Microsoft.Data.Sqlite.SqliteConnection connection, string sessionId, Microsoft.Data.Sqlite.SqliteTransaction? transaction)
    {
        using var count = connection.Command("SELECT COUNT(*) FROM prompt_queue WHERE session_id = $s", transaction).With("$s", sessionId);
        return Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
