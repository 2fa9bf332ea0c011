using HalOSwarm.Supervisor.Configuration;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.Storage.Sqlite;

/// <summary>Settings of the single writer's connection (readers keep the defaults of <see cref="SqliteDatabase"/>).</summary>
internal static class WriterPragmas
{
    /// <summary>
    /// No automatic checkpoint in the writer's commits (<see cref="WalCheckpointer"/> copies the WAL on another thread);
    /// a 16 MiB page cache, which holds the pages a full batch dirties (4,096 events over 2,000 sessions: about 12 MiB)
    /// so they are not spilled mid-transaction; temporary b-trees in memory. Not larger: every commit walks SQLite's
    /// page-cache hash table (<c>pcache1TruncateUnsafe</c>), whose size follows the pages cached — at 64 MiB that walk
    /// was 11 % of the writer's time at 5,000 one-event frames/s (docs/PERFORMANCE.md, "29 Nov (2)").
    /// </summary>
    public const string Sql = "PRAGMA wal_autocheckpoint = 0; PRAGMA cache_size = -16384; PRAGMA temp_store = MEMORY;";

    /// <summary>
    /// Applies <see cref="Sql"/> and <c>database.synchronous</c>: <c>normal</c> syncs the WAL only at checkpoints (a
    /// commit survives the process crashing, not the machine losing power); <c>full</c> syncs the WAL at every commit.
    /// </summary>
    public static void Apply(SqliteConnection connection, string synchronous)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Sql + (string.Equals(synchronous, DatabaseOptions.SynchronousFull, StringComparison.OrdinalIgnoreCase)
            ? " PRAGMA synchronous = FULL;"
            : " PRAGMA synchronous = NORMAL;");
        command.ExecuteNonQuery();
    }
}
