using HalOSwarm.Supervisor.Cluster;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HalOSwarm.Supervisor.Storage.Postgres;

/// <summary>
/// Runs before every other component on PostgreSQL: applies migrations (one supervisor at a time) and marks offline
/// the nodes no living supervisor holds: this one's from before its restart, and those of supervisors silent for longer
/// than <c>cluster.lease_sec</c>; the nodes of the other living supervisors stay as they are. A server that cannot be reached stops start-up with what went wrong and where
/// (never the connection string's password).
/// </summary>
internal sealed partial class PostgresInitializer(
    PostgresDatabase database, SupervisorIdentity identity, IOptions<ClusterOptions> cluster, TimeProvider timeProvider, ILogger<PostgresInitializer> logger)
    : IHostedService
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
            await using var reset = new NpgsqlCommand("""
                UPDATE nodes SET status = 'offline'
                WHERE status <> 'offline' AND (supervisor_id IS NULL OR supervisor_id = @self OR NOT EXISTS (
                    SELECT 1 FROM supervisors s WHERE s.supervisor_id = nodes.supervisor_id AND s.heartbeat_at > @cutoff))
                """, connection);
            reset.Parameters.AddWithValue("self", identity.Id);
            reset.Parameters.AddWithValue("cutoff", Sqlite.SqliteTime.Format(timeProvider.GetUtcNow() - cluster.Value.Lease));
            await reset.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {migration} to {database_path}")]
    private static partial void LogMigrationApplied(ILogger logger, string migration, string database_path);
}
