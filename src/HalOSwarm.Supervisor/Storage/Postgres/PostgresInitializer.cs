using Npgsql;

namespace HalOSwarm.Supervisor.Storage.Postgres;

/// <summary>
/// Runs before every other component on PostgreSQL: applies migrations (one supervisor at a time) and marks offline
/// every node no supervisor holds. A server that cannot be reached stops start-up with what went wrong and where
/// (never the connection string's password).
/// </summary>
internal sealed partial class PostgresInitializer(PostgresDatabase database, TimeProvider timeProvider, ILogger<PostgresInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        NpgsqlConnection connection;
        try
        {
            connection = database.DataSource.CreateConnection();
            await connection.OpenAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw new InvalidOperationException($"cannot connect to the PostgreSQL database {database.Location} (database.connection_string): {ex.Message}", ex);
        }
        await using (connection)
        {
            var applied = await PostgresMigrations.ApplyAsync(connection, timeProvider.GetUtcNow(), cancellationToken);
            foreach (var name in applied)
            {
                LogMigrationApplied(logger, name, database.Location);
            }
            await using var reset = new NpgsqlCommand("UPDATE nodes SET status = 'offline' WHERE status <> 'offline'", connection);
            await reset.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {migration} to {database_path}")]
    private static partial void LogMigrationApplied(ILogger logger, string migration, string database_path);
}
