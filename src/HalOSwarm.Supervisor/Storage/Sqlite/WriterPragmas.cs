using HalOSwarm.Supervisor.Configuration;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.Storage.Sqlite;

/// <summary>Settings of the single writer's connection (readers keep the defaults of <see cref="SqliteDatabase"/>).</summary>
internal static class WriterPragmas
{
    /// <summary>
    /// No automatic checkpoint in the writer's commits (<see cref="WalCheckpointer"/> copies the WAL on another thread);
    /// a 64 MiB page cache so a batch's index pages are not spilled mid-transaction; temporary b-trees in memory.
    /// </summary>
    public const string Sql = "PRAGMA wal_autocheckpoint = 0; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;";

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
