using System.CommandLine;
using HalOSwarm.Supervisor.Storage.Sqlite;

namespace HalOSwarm.Supervisor.Maintenance;

/// <summary>
/// <c>hal-supervisor restore --from FILE</c>, with the supervisor stopped: checks the backup
/// (<c>PRAGMA integrity_check</c>), refuses while the database is in use, moves the current file aside and puts the
/// backup in its place (<see cref="SqliteRestore"/>). Exit 0 restored; 1 not done (in use, missing file); 3 the
/// backup failed its check.
/// </summary>
internal sealed class RestoreCommand : DatabaseCommandBase
{
    private readonly Option<string> _from = new("--from")
    {
        Description = "The backup file (from 'hal-supervisor backup' or 'halctl admin backup')",
        HelpName = "FILE",
        Required = true,
    };

    public RestoreCommand()
        : base("restore", "Replace the database with a backup (the supervisor must be stopped); the current file is kept aside")
    {
        Options.Add(_from);
    }

    protected override async Task<int> RunAsync(ParseResult result, string databasePath, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var from = Path.GetFullPath(result.GetValue(_from)!);
        try
        {
            var restored = await SqliteRestore.RestoreAsync(from, databasePath, TimeProvider.System.GetUtcNow(), cancellationToken);
            await output.WriteLineAsync($"restored {restored.DatabasePath} from {from} (integrity check passed)");
            if (restored.MovedAside is { } aside)
            {
                await output.WriteLineAsync($"the database it replaced is kept as {aside}");
            }
            return ExitCodes.Success;
        }
        catch (DatabaseDamagedException ex)
        {
            await error.WriteLineAsync($"hal-supervisor restore: {ex.Message}; nothing was changed");
            return ExitCodes.DatabaseDamaged;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or Microsoft.Data.Sqlite.SqliteException)
        {
            await error.WriteLineAsync($"hal-supervisor restore: {ex.Message}");
            return ExitCodes.Failure;
        }
    }
}
