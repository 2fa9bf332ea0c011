using Microsoft.Data.Sqlite;

namespace HalOSwarm.Agent.Storage;

/// <summary>
/// state_dir/agent.db (SQLite, WAL): the outbox, the meta counters, the ids already emitted and the
/// tracked sessions. One connection; every use is serialized by a lock, which is all a single agent
/// needs and keeps seq allocation trivially race-free.
/// </summary>
/// <remarks>
/// Schema (read by the integration tests after the agent exits):
/// <c>meta(key TEXT PRIMARY KEY, value)</c> — <c>last_seq</c> = highest seq ever allocated (never reused),
/// <c>acked_seq</c> = highest seq the supervisor acknowledged;
/// <c>outbox(seq INTEGER PRIMARY KEY, type, session_id, ts, data)</c> — unacknowledged events;
/// <c>emitted(key TEXT PRIMARY KEY, seq)</c> — once-only keys such as <c>msg:ID</c>, <c>usage:ID</c>;
/// <c>sessions(session_id TEXT PRIMARY KEY, project, runtime, directory, status, title, model, started_at, last_activity_at)</c>.
/// Migrations (<c>PRAGMA user_version</c>, see <see cref="AgentMigrations"/>) add
/// <c>commands(command_id TEXT PRIMARY KEY, type, state, result, received_at, finished_at)</c> — the commands
/// seen recently and their results, so a re-sent command is never run twice — and
/// <c>prompt_queue(id INTEGER PRIMARY KEY AUTOINCREMENT, session_id, command_id, text, queued_at)</c> — prompts
/// waiting for their session to turn idle, in order.
/// </remarks>
internal sealed class AgentDatabase : IDisposable
{
    public const string FileName = "agent.db";

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value);
        CREATE TABLE IF NOT EXISTS outbox(seq INTEGER PRIMARY KEY, type TEXT NOT NULL, session_id TEXT, ts TEXT NOT NULL, data TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS emitted(key TEXT PRIMARY KEY, seq INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS sessions(session_id TEXT PRIMARY KEY, project TEXT NOT NULL, runtime TEXT NOT NULL,
            directory TEXT, status TEXT NOT NULL, title TEXT, model TEXT, started_at TEXT, last_activity_at TEXT);
        INSERT OR IGNORE INTO meta(key, value) VALUES ('last_seq', 0), ('acked_seq', 0);
        """;

    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _lock = new(1, 1);

    public AgentDatabase(string stateDir)
    {
        Directory.CreateDirectory(stateDir);
        Path = System.IO.Path.Combine(stateDir, FileName);
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Pooling = false,
        }.ToString());
        _connection.Open();
        Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;");
        Execute(Schema);
        AgentMigrations.Apply(_connection);
    }

    public string Path { get; }

    /// <summary>Runs <paramref name="work"/> alone on the connection.</summary>
    public async Task<T> RunAsync<T>(Func<SqliteConnection, T> work, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            return work(_connection);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Runs <paramref name="work"/> alone inside one transaction.</summary>
    public Task<T> TransactAsync<T>(Func<SqliteConnection, SqliteTransaction, T> work, CancellationToken cancellationToken) =>
        RunAsync(connection =>
        {
            using var transaction = connection.BeginTransaction();
            var result = work(connection, transaction);
            transaction.Commit();
            return result;
        }, cancellationToken);

    public void Dispose()
    {
        _connection.Dispose();
        _lock.Dispose();
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
