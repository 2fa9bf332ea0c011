using HalOSwarm.Supervisor.Configuration;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.Storage.Sqlite;

/// <summary>
/// <c>PRAGMA quick_check</c> / <c>integrity_check</c> over one connection, and what a damaged file looks like to SQLite
/// before any check can run (<c>SQLITE_CORRUPT</c>, <c>SQLITE_NOTADB</c>).
/// </summary>
internal static class DatabaseIntegrity
{
    /// <summary>Problems SQLite reports at most; a damaged file can list thousands.</summary>
    private const int MaxProblems = 20;

    /// <summary>The problems the check found, none when the file is sound. <paramref name="mode"/> is quick or full.</summary>
    public static async Task<IReadOnlyList<string>> CheckAsync(SqliteConnection connection, string mode, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandTimeout = 0; // a large file takes as long as it takes
        command.CommandText = mode == DatabaseOptions.IntegrityFull
            ? $"PRAGMA integrity_check({MaxProblems})"
            : $"PRAGMA quick_check({MaxProblems})";
        var problems = new List<string>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var line = reader.GetString(0);
            if (line != "ok")
            {
                problems.Add(line);
            }
        }
        return problems;
    }

    /// <summary>True for the errors SQLite gives when the file itself is damaged or is not a database.</summary>
    public static bool IsDamage(SqliteException exception) =>
        (exception.SqliteErrorCode & 0xFF) is SQLitePCL.raw.SQLITE_CORRUPT or SQLitePCL.raw.SQLITE_NOTADB;
}
