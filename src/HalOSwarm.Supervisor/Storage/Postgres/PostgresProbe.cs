using Npgsql;

namespace HalOSwarm.Supervisor.Storage.Postgres;

/// <summary>Proves the PostgreSQL database takes writes: a real write in a transaction on its own connection.</summary>
internal sealed class PostgresProbe(PostgresDatabase database, TimeProvider timeProvider) : IDatabaseProbe
{
    public async Task<string> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = database.DataSource.CreateConnection();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            await connection.OpenAsync(timeout.Token);
            await using var command = new NpgsqlCommand("""
                INSERT INTO health_probe (id, checked_at) VALUES (1, @t)
                ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at
                """, connection);
            command.Parameters.AddWithValue("t", Sqlite.SqliteTime.Format(timeProvider.GetUtcNow()));
            await command.ExecuteNonQueryAsync(timeout.Token);
            return "ok";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "not writable: no answer from the PostgreSQL server within 2 s";
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return $"not writable: {ex.Message}";
        }
    }
}
