using System.Globalization;
using HalOSwarm.Supervisor.Api;
using HalOSwarm.Supervisor.Audit;
using HalOSwarm.Supervisor.Security;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;

namespace HalOSwarm.Supervisor.Maintenance;

/// <summary>
/// <c>POST /api/v1/admin/backup</c>: an online backup of the database (<see cref="SqliteBackup"/>), answered as the file
/// itself (<c>application/vnd.sqlite3</c>, with its length). It is made in a temporary file next to the database and
/// deleted once sent (or when the client goes away). Audited as <c>admin.backup</c>.
/// </summary>
internal static partial class BackupApi
{
    public const string MediaType = "application/vnd.sqlite3";

    public static IEndpointRouteBuilder MapMaintenanceApi(this IEndpointRouteBuilder endpoints)
    {
        // A backup holds every transcript and prompt: the admin role's, like tokens.
        endpoints.MapPost("/admin/backup", BackupAsync).RequireAuthorization(SupervisorPolicies.Admin);
        return endpoints;
    }

    private static async Task<IResult> BackupAsync(
        HttpContext context, IServiceProvider services, IAuditLog audit, TimeProvider timeProvider, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (services.GetRequiredService<IDatabase>().IsPostgres())
        {
            return ApiErrors.Error(StatusCodes.Status409Conflict,
                "the supervisor's database is PostgreSQL: back it up with the server's own tools (pg_dump; docs/OPERATIONS.md, Backup)", "not_supported");
        }
        var database = services.GetRequiredService<SqliteDatabase>();
        var actor = ApiCaller.Actor(context.Request, out var actorError);
        if (actor is null)
        {
            return ApiErrors.BadRequest($"{ApiCaller.ActorHeader}: {actorError}");
        }
        var logger = loggers.CreateLogger(typeof(BackupApi));
        var started = timeProvider.GetUtcNow();
        var temp = $"{database.FilePath}.api-backup-{Guid.NewGuid():N}";
        BackupResult result;
        try
        {
            result = await SqliteBackup.CreateAsync(database.FilePath, temp, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or Microsoft.Data.Sqlite.SqliteException or DatabaseDamagedException)
        {
            File.Delete(temp);
            LogFailed(logger, ex);
            await audit.RecordAsync(new AuditEntry(actor, "admin.backup", null, null, "failed", ex.Message,
                (long)(timeProvider.GetUtcNow() - started).TotalMilliseconds, ApiCaller.SourceAddress(context)), CancellationToken.None);
            return ApiErrors.Error(StatusCodes.Status500InternalServerError, $"backup failed: {ex.Message}", "backup_failed");
        }
        await audit.RecordAsync(new AuditEntry(actor, "admin.backup", null, null, "succeeded", null,
            (long)(timeProvider.GetUtcNow() - started).TotalMilliseconds, ApiCaller.SourceAddress(context)), CancellationToken.None);
        LogBackup(logger, result.Bytes, actor);
        var name = $"hal-supervisor-{started.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}.db";
        var stream = new FileStream(temp, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        return TypedResults.Stream(stream, MediaType, name);
    }

    [LoggerMessage(Level = LogLevel.Information, EventName = "admin.backup", Message = "Online backup of {bytes} bytes sent to {actor}")]
    private static partial void LogBackup(ILogger logger, long bytes, string actor);

    [LoggerMessage(Level = LogLevel.Error, EventName = "admin.backup_failed", Message = "Online backup failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
