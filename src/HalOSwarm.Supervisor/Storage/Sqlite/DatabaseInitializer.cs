using HalOSwarm.Supervisor.Configuration;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Storage.Sqlite;

/// <summary>
/// Runs before every other component: creates the file's folder, checks an existing file's integrity
/// (<c>database.integrity_check</c>; a damaged file stops start-up with <see cref="DatabaseDamagedException"/>),
/// applies migrations and marks every node offline (no agent is connected to a process that is only starting).
/// </summary>
internal sealed partial class DatabaseInitializer(
    SqliteDatabase database,
    IOptions<DatabaseOptions> options,
    TimeProvider timeProvider,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(database.FilePath);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
        var existed = File.Exists(database.FilePath);
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            // Checked before any migration writes to it: a damaged file is left exactly as it was found.
            var mode = options.Value.IntegrityMode ?? DatabaseOptions.IntegrityQuick;
            if (existed && mode != DatabaseOptions.IntegrityOff)
            {
                var started = timeProvider.GetTimestamp();
                var problems = await DatabaseIntegrity.CheckAsync(connection, mode, cancellationToken);
                if (problems.Count > 0)
                {
                    throw new DatabaseDamagedException(database.FilePath, problems, atStartup: true);
                }
                var elapsedMs = (long)timeProvider.GetElapsedTime(started).TotalMilliseconds;
                LogIntegrityChecked(logger, mode, database.FilePath, elapsedMs);
            }
            var applied = await MigrationRunner.ApplyAsync(connection, timeProvider.GetUtcNow(), cancellationToken);
            foreach (var name in applied)
            {
                LogMigrationApplied(logger, name, database.FilePath);
            }
            using var reset = connection.CreateCommand();
            reset.CommandText = "UPDATE nodes SET status = 'offline' WHERE status <> 'offline'";
            await reset.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex) when (DatabaseIntegrity.IsDamage(ex))
        {
            throw new DatabaseDamagedException(database.FilePath, [ex.Message], atStartup: true);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, EventName = "database.checked", Message = "Integrity check ({mode}) of {database_path} passed in {elapsed_ms} ms")]
    private static partial void LogIntegrityChecked(ILogger logger, string mode, string database_path, long elapsed_ms);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {migration} to {database_path}")]
    private static partial void LogMigrationApplied(ILogger logger, string migration, string database_path);
}
