using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace HalOSwarm.Supervisor.Storage;

/// <summary>What a failed statement means, the same on both providers.</summary>
internal static class DbErrors
{
    /// <summary>
    /// A row broke a UNIQUE or PRIMARY KEY constraint: SQLite's SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY, PostgreSQL's
    /// SQLSTATE 23505.
    /// </summary>
    public static bool IsUniqueViolation(DbException exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SQLitePCL.raw.SQLITE_CONSTRAINT_UNIQUE or SQLitePCL.raw.SQLITE_CONSTRAINT_PRIMARYKEY,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
