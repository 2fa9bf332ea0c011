using Microsoft.Data.Sqlite;

namespace HalOSwarm.Agent.Storage;

/// <summary>
/// Schema changes after the first release of agent.db, applied in order on open. The applied level is
/// <c>PRAGMA user_version</c>; a database written by an older agent (level 0) is brought up to date in place.
/// </summary>
internal static class AgentMigrations
{
    private static readonly string[] s_steps =
    [
        // 1: command de-duplication and the per-session prompt queue.
        """
        CREATE TABLE IF NOT EXISTS commands(command_id TEXT PRIMARY KEY, type TEXT NOT NULL, state TEXT NOT NULL,
            result TEXT, received_at TEXT NOT NULL, finished_at TEXT);
        CREATE INDEX IF NOT EXISTS commands_finished ON commands(finished_at);
        CREATE TABLE IF NOT EXISTS prompt_queue(id INTEGER PRIMARY KEY AUTOINCREMENT, session_id TEXT NOT NULL,
            command_id TEXT NOT NULL, text TEXT NOT NULL, queued_at TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS prompt_queue_session ON prompt_queue(session_id, id);
        """,
        // 2: positions runtimes read their sessions' output up to (moved with the events they gave);
        // sessions remember whether they were adopted and the worktree they work in.
        """
        CREATE TABLE IF NOT EXISTS cursors(key TEXT PRIMARY KEY, position INTEGER NOT NULL);
        ALTER TABLE sessions ADD COLUMN adopted INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE sessions ADD COLUMN worktree TEXT;
        ALTER TABLE sessions ADD COLUMN branch TEXT;
        CREATE TABLE IF NOT EXISTS worktrees(session_id TEXT PRIMARY KEY, project TEXT NOT NULL, path TEXT NOT NULL, root TEXT NOT NULL,
            branch TEXT NOT NULL, base_ref TEXT NOT NULL, repository TEXT NOT NULL);
        """,
    ];

    public static int Latest => s_steps.Length;

    public static void Apply(SqliteConnection connection)
    {
        using var read = connection.Command("PRAGMA user_version");
        var version = Convert.ToInt32(read.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        for (var level = version; level < s_steps.Length; level++)
        {
            using var transaction = connection.BeginTransaction();
            using (var step = connection.Command(s_steps[level], transaction))
            {
                step.ExecuteNonQuery();
            }
            using (var mark = connection.Command($"PRAGMA user_version = {level + 1}", transaction))
            {
                mark.ExecuteNonQuery();
            }
            transaction.Commit();
        }
    }
}
