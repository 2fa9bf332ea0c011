using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.Storage.Sqlite;

/// <summary>Proves the database takes writes with a real <c>BEGIN IMMEDIATE</c> transaction on its own connection.</summary>
internal sealed class DatabaseProbe(SqliteDatabase database, TimeProvider timeProvider) : IDatabaseProbe
{
    private const int BusyTimeoutMs = 1000;

    /// <summary>"ok", or what went wrong in words.</summary>
    public async Task<string> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenAsync(BusyTimeoutMs, cancellationToken);
            using var command = connection.CreateCommand();
            command.CommandTimeout = 1;
            command.CommandText = "BEGIN IMMEDIATE; INSERT OR REPLACE INTO health_probe (id, checked_at) VALUES (1, $t); COMMIT;";
            command.Parameters.AddWithValue("$t", SqliteTime.Format(timeProvider.GetUtcNow()));
            try
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (SqliteException)
            {
                using var rollback = connection.CreateCommand();
                rollback.CommandText = "ROLLBACK";
                try
                {
                    await rollback.ExecuteNonQueryAsync(CancellationToken.None);
                }
                catch (SqliteException)
                {
                    // No transaction was open; the original error is the one worth reporting.
                }
                throw;
            }
            return "ok";
        }
        catch (SqliteException ex)
        {
            return $"not writable: {ex.Message}";
        }
        catch (InvalidOperationException ex)
        {
            return $"not writable: {ex.Message}";
        }
    }
}
