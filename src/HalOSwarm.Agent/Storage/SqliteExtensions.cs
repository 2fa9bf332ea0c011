using Microsoft.Data.Sqlite;

namespace HalOSwarm.Agent.Storage;

internal static class SqliteExtensions
{
    public static SqliteCommand Command(this SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    public static SqliteCommand With(this SqliteCommand command, string name, object? value)
    {
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    public static string? GetMeta(this SqliteConnection connection, string key, SqliteTransaction? transaction = null)
    {
        using var command = connection.Command("SELECT value FROM meta WHERE key = $k", transaction).With("$k", key);
        return command.ExecuteScalar() switch
        {
            null or DBNull => null,
            var value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    public static void SetMeta(this SqliteConnection connection, string key, object value, SqliteTransaction? transaction = null)
    {
        using var command = connection.Command(
            "INSERT INTO meta(key, value) VALUES ($k, $v) ON CONFLICT(key) DO UPDATE SET value = excluded.value", transaction)
            .With("$k", key).With("$v", value);
        command.ExecuteNonQuery();
    }
}
