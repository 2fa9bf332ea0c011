using HalOSwarm.Supervisor.Configuration;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Storage.Sqlite;

/// <summary>
/// Runs before every other component: creates the file's folder, applies migrations, optionally checks integrity
/// and marks every node offline (no agent is connected to a process that is only starting).
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
        await using var connection = await database.OpenAsync(cancellationToken);
        var applied = await MigrationRunner.ApplyAsync(connection, timeProvider.GetUtcNow(), cancellationToken);
        foreach (var name in applied)
        {
            LogMigrationApplied(logger, name, database.FilePath);
        }
        if (options.Value.IntegrityCheck)
        {
            using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            var result = (string?)await check.ExecuteScalarAsync(cancellationToken);
            if (result != "ok")
            {
                throw new InvalidOperationException($"database '{database.FilePath}' failed its integrity check: {result}");
            }
        }
        using var reset = connection.CreateCommand();
        reset.CommandText = "UPDATE nodes SET status = 'offline' WHERE status <> 'offline'";
        await reset.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Migration} to {DatabasePath}")]
    private static partial void LogMigrationApplied(ILogger logger, string migration, string databasePath);
}
