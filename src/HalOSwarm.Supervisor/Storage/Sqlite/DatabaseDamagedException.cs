namespace HalOSwarm.Supervisor.Storage.Sqlite;

/// <summary>
/// The database file failed its integrity check (or SQLite could not read it as a database): the supervisor refuses
/// to start on it. The message names the file and the way back (docs/OPERATIONS.md, "Database: integrity, backup,
/// restore, retention").
/// </summary>
internal sealed class DatabaseDamagedException(string path, IReadOnlyList<string> problems, bool atStartup = false)
    : Exception(atStartup ? DescribeAtStartup(path, problems) : Describe(path, problems))
{
    public string DatabasePath { get; } = path;

    public IReadOnlyList<string> Problems { get; } = problems;

    private static string Describe(string path, IReadOnlyList<string> problems) =>
        $"'{path}' failed its integrity check: {string.Join("; ", problems.Take(5))}";

    private static string DescribeAtStartup(string path, IReadOnlyList<string> problems) =>
        $"""
        database '{path}' failed its integrity check; the supervisor will not start on it:
          {string.Join("\n  ", problems.Take(5))}
        Recovery (docs/OPERATIONS.md, "Database: integrity, backup, restore, retention"):
          1. keep the damaged file: it is not changed; copy it (with any '-wal' file next to it) somewhere safe
          2. restore the newest backup:  hal-supervisor restore --from BACKUP_FILE --config CONFIG
             (it checks the backup first and moves the damaged file aside)
          3. no backup: salvage what SQLite can read into a new file and restore that:
             sqlite3 '{path}' .dump | sed 's/^ROLLBACK; -- due to errors$/COMMIT;/' | sqlite3 recovered.db
             hal-supervisor restore --from recovered.db --config CONFIG
          4. start the supervisor: agents send again what their outboxes still hold; events acknowledged after
             the backup was taken are not in it
        """;
}
