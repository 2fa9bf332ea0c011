using System.CommandLine;
using HalOSwarm.Supervisor.Storage.Sqlite;

namespace HalOSwarm.Supervisor.Maintenance;

/// <summary>
/// <c>hal-supervisor backup --to FILE</c>: an online backup made by this process on a connection of its own (the
/// running supervisor is not asked and keeps writing: WAL lets this read beside it). Works with the supervisor
/// stopped too. Exit 0 with the file written; 1 when it could not be made; 3 when the copy failed its check.
/// </summary>
internal sealed class BackupCommand : DatabaseCommandBase
{
    private readonly Option<string> _to = new("--to")
    {
        Description = "The backup file to write; it must not exist yet",
        HelpName = "FILE",
        Required = true,
    };

    public BackupCommand()
        : base("backup", "Copy the database, consistently, while the supervisor runs (SQLite's online backup)")
    {
        Options.Add(_to);
    }

    protected override async Task<int> RunAsync(ParseResult result, string databasePath, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var to = Path.GetFullPath(result.GetValue(_to)!);
        try
        {
            var backup = await SqliteBackup.CreateAsync(databasePath, to, cancellationToken);
            await output.WriteLineAsync($"backed up {databasePath} to {backup.Path} ({backup.Bytes} bytes)");
            return ExitCodes.Success;
        }
        catch (DatabaseDamagedException ex)
        {
            await error.WriteLineAsync($"hal-supervisor backup: {ex.Message}");
            return ExitCodes.DatabaseDamaged;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            await error.WriteLineAsync($"hal-supervisor backup: {ex.Message}");
            return ExitCodes.Failure;
        }
    }
}
