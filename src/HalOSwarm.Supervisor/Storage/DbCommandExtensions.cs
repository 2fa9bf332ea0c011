using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.Storage;

/// <summary>Parameter binding and running that read the same on every provider's commands.</summary>
internal static class DbCommandExtensions
{
    /// <summary>Adds <paramref name="name"/> (as the SQL writes it, <c>@name</c>) bound to <paramref name="value"/>; null binds SQL NULL.</summary>
    public static DbParameter AddParameter(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>Binds the <paramref name="index"/>th parameter of a prepared command; null binds SQL NULL.</summary>
    public static void Set(this DbCommand command, int index, object? value) => command.Parameters[index].Value = value ?? DBNull.Value;

    /// <summary>Binds <paramref name="values"/> by position and runs the prepared <paramref name="command"/>; the rows it changed.</summary>
    public static int Run(this DbCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Set(i, values[i]);
        }
        return command.ExecuteNonQuery();
    }

    /// <summary>
    /// A read-only transaction that sees one snapshot for several reads: deferred on SQLite (it takes no write lock),
    /// repeatable read on PostgreSQL.
    /// </summary>
    public static DbTransaction BeginSnapshot(this DbConnection connection) =>
        connection is SqliteConnection sqlite ? sqlite.BeginTransaction(deferred: true) : connection.BeginTransaction(IsolationLevel.RepeatableRead);
}
