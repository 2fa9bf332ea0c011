using System.CommandLine;

namespace HalOSwarm.Ctl.Commands;

/// <summary>
/// <c>admin backup --to FILE</c>: the supervisor makes an online backup of its database and sends it; halctl writes it
/// to FILE (which must not exist). Restore it on the supervisor's machine with <c>hal-supervisor restore --from FILE</c>.
/// </summary>
internal sealed class AdminBackupCommand : ApiCommand
{
    private readonly Option<string> _to = new("--to")
    {
        Description = "The file to write the backup to; it must not exist yet",
        HelpName = "FILE",
        Required = true,
    };

    public AdminBackupCommand(GlobalOptions options, CliEnvironment environment)
        : base("backup", "Download an online backup of the supervisor's database (consistent while it runs)", options, environment)
    {
        Options.Add(_to);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CommandContext context, CancellationToken cancellationToken)
    {
        var to = Path.GetFullPath(parseResult.GetValue(_to)!);
        if (File.Exists(to))
        {
            throw new CliUsageException($"'{to}' already exists; choose a new file (a backup never overwrites one)");
        }
        var bytes = await context.Client.DownloadBackupAsync(to, cancellationToken);
        await context.Out.WriteLineAsync($"backup written to {to} ({bytes} bytes)");
        return ExitCodes.Success;
    }
}
