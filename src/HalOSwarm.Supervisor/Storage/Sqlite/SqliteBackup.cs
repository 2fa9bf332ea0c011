using HalOSwarm.Supervisor.Configuration;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.Storage.Sqlite;

/// <summary>
/// An online copy of the database with SQLite's backup API, from a connection of its own (in this process or in
/// <c>hal-supervisor backup</c>). The copy is one <c>sqlite3_backup_step(-1)</c>, which holds one read transaction for
/// the whole copy: in WAL mode that never blocks the writer, and the copy is the database exactly as of that
/// transaction's start — every commit before it (so every event acknowledged before the backup began), nothing after.
/// The result is a single self-contained file (rollback journal, no <c>-wal</c>), checked with <c>quick_check</c>,
/// written under a temporary name and renamed into place, so a file at the destination is always a whole backup.
/// </summary>
internal static class SqliteBackup
{
    /// <summary>Copies <paramref name="databasePath"/> to <paramref name="destinationPath"/>, which must not exist yet.</summary>
    public static async Task<BackupResult> CreateAsync(string databasePath, string destinationPath, CancellationToken cancellationToken)
    {
        if (!File.Exists(databasePath))
        {
            throw new FileNotFoundException($"database '{databasePath}' does not exist", databasePath);
        }
        if (File.Exists(destinationPath))
        {
            throw new IOException($"'{destinationPath}' already exists; choose a new file (a backup never overwrites one)");
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(destinationPath));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
        var partial = destinationPath + ".partial";
        File.Delete(partial);
        try
        {
            await Task.Run(() => Copy(databasePath, partial), cancellationToken);
            File.Move(partial, destinationPath);
        }
        finally
        {
            File.Delete(partial);
            File.Delete(partial + "-journal");
        }
        return new BackupResult(destinationPath, new FileInfo(destinationPath).Length);
    }

    private static void Copy(string databasePath, string partial)
    {
        using var source = new SqliteConnection(ConnectionString(databasePath, SqliteOpenMode.ReadWrite));
        source.Open();
        using (var wait = source.CreateCommand())
        {
            wait.CommandText = "PRAGMA busy_timeout = 30000";
            wait.ExecuteNonQuery();
        }
        using var destination = new SqliteConnection(ConnectionString(partial, SqliteOpenMode.ReadWriteCreate));
        destination.Open();
        source.BackupDatabase(destination);
        using (var journal = destination.CreateCommand())
        {
            journal.CommandText = "PRAGMA journal_mode = DELETE";
            journal.ExecuteNonQuery();
        }
        var problems = DatabaseIntegrity.CheckAsync(destination, DatabaseOptions.IntegrityQuick, CancellationToken.None).GetAwaiter().GetResult();
        if (problems.Count > 0)
        {
            throw new DatabaseDamagedException(partial, problems);
        }
    }

    /// <summary>A connection of its own, not pooled, so the file is closed when it is disposed.</summary>
    public static string ConnectionString(string path, SqliteOpenMode mode) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = mode,
        Pooling = false,
    }.ToString();
}
