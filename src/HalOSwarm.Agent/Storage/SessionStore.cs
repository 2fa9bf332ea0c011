using System.Globalization;
using System.Text.Json;
using HalOSwarm.Protocol;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Agent.Storage;

/// <summary>
/// The sessions the agent tracks, kept up to date from the events it records, so that hello carries a
/// snapshot and a restarted agent knows what it was watching and in which state.
/// </summary>
internal sealed class SessionStore
{
    private readonly AgentDatabase _database;

    public SessionStore(AgentDatabase database) => _database = database;

    public Task<IReadOnlyList<SessionRecord>> ListAsync(CancellationToken cancellationToken) =>
        _database.RunAsync<IReadOnlyList<SessionRecord>>(connection =>
        {
            using var command = connection.Command(
                "SELECT session_id, project, runtime, directory, status, title, model, started_at, last_activity_at, adopted, worktree, branch FROM sessions ORDER BY started_at");
            using var reader = command.ExecuteReader();
            var list = new List<SessionRecord>();
            while (reader.Read())
            {
                list.Add(new SessionRecord(
                    reader.GetString(0), reader.GetString(1), reader.GetString(2), Text(reader, 3), reader.GetString(4),
                    Text(reader, 5), Text(reader, 6), Time(reader, 7), Time(reader, 8))
                {
                    Adopted = reader.GetInt64(9) != 0,
                    Worktree = Text(reader, 10),
                    Branch = Text(reader, 11),
                });
            }
            return list;
        }, cancellationToken);

    public async Task<SessionRecord?> GetAsync(string sessionId, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).FirstOrDefault(s => s.SessionId == sessionId);

    /// <summary>Projects recorded events onto the session rows.</summary>
    public Task ApplyAsync(IReadOnlyList<AgentEvent> events, CancellationToken cancellationToken) =>
        _database.TransactAsync((connection, transaction) =>
        {
            foreach (var e in events)
            {
                if (e.SessionId is not null)
                {
                    Apply(connection, transaction, e);
                }
            }
            return 0;
        }, cancellationToken);

    private static void Apply(SqliteConnection connection, SqliteTransaction transaction, AgentEvent e)
    {
        var ts = e.Ts.ToString("O", CultureInfo.InvariantCulture);
        switch (e.Type)
        {
            case EventTypes.SessionCreated:
                using (var insert = connection.Command("""
                    INSERT OR IGNORE INTO sessions(session_id, project, runtime, directory, status, title, model, started_at, last_activity_at, adopted, worktree, branch)
                    VALUES ($id, $p, $r, $d, $st, $t, $m, $ts, $ts, $a, $w, $b)
                    """, transaction))
                {
                    insert.With("$id", e.SessionId).With("$p", Str(e.Data, "project") ?? "").With("$r", Str(e.Data, "runtime") ?? RuntimeNames.OpenCode)
                        .With("$d", Str(e.Data, "directory")).With("$st", SessionStatuses.Idle).With("$t", Str(e.Data, "title"))
                        .With("$m", Str(e.Data, "model")).With("$ts", ts)
                        .With("$a", e.Data.ValueKind == JsonValueKind.Object && e.Data.TryGetProperty("adopted", out var adopted) && adopted.ValueKind == JsonValueKind.True ? 1 : 0)
                        .With("$w", Str(e.Data, "worktree")).With("$b", Str(e.Data, "branch")).ExecuteNonQuery();
                }
                return;
            case EventTypes.SessionDeleted:
                using (var delete = connection.Command("DELETE FROM sessions WHERE session_id = $id", transaction))
                {
                    delete.With("$id", e.SessionId).ExecuteNonQuery();
                }
                return;
            case EventTypes.SessionUpdated:
                using (var update = connection.Command(
                    "UPDATE sessions SET title = COALESCE($t, title), model = COALESCE($m, model), last_activity_at = $ts WHERE session_id = $id", transaction))
                {
                    update.With("$t", Str(e.Data, "title")).With("$m", Str(e.Data, "model")).With("$ts", ts).With("$id", e.SessionId).ExecuteNonQuery();
                }
                return;
        }
        var status = e.Type switch
        {
            EventTypes.SessionRunning or EventTypes.SessionRetry => SessionStatuses.Running,
            EventTypes.SessionIdle => SessionStatuses.Idle,
            EventTypes.SessionError => SessionStatuses.Error,
            EventTypes.SessionCompleted => SessionStatuses.Completed,
            _ => null,
        };
        using var touch = connection.Command(
            "UPDATE sessions SET status = COALESCE($st, status), last_activity_at = $ts WHERE session_id = $id", transaction);
        touch.With("$st", status).With("$ts", ts).With("$id", e.SessionId).ExecuteNonQuery();
    }

    private static string? Str(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string? Text(SqliteDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    private static DateTimeOffset? Time(SqliteDataReader reader, int i) =>
        reader.IsDBNull(i) ? null : DateTimeOffset.Parse(reader.GetString(i), CultureInfo.InvariantCulture);
}
