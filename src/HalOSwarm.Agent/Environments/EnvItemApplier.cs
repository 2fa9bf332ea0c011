using HalOSwarm.Protocol.Environments;

namespace HalOSwarm.Agent.Environments;

/// <summary>
/// Applies the fix of one manifest item in a project directory: a file or hook with content is written atomically (a
/// hook executable), a directory created, a tool's install command run (<see cref="InstallRunner"/>). Items with no fix
/// are skipped with the reason; a dry run only says what would be done. Paths were resolved inside the project before
/// (<see cref="ProjectPaths"/>), so nothing here can reach outside it.
/// </summary>
internal static class EnvItemApplier
{
    private const UnixFileMode Executable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    public static async Task<EnvApplyResult> ApplyAsync(EnvItem item, string directory, IReadOnlyDictionary<string, string> environment,
        bool dryRun, TimeSpan installTimeout, CancellationToken cancellationToken)
    {
        try
        {
            return item.Kind switch
            {
                EnvItemKinds.File when item.Content is { } content =>
                    await WriteAsync(item, WritablePath.Resolve(directory, item.Name), content, null, dryRun, cancellationToken),
                EnvItemKinds.Hook when item.Content is { } content => await HookAsync(item, directory, content, dryRun, cancellationToken),
                EnvItemKinds.Dir => MakeDirectory(item, WritablePath.Resolve(directory, item.Name), dryRun),
                EnvItemKinds.Tool when item.Install is { } install => await InstallAsync(item, install, directory, environment, dryRun, installTimeout, cancellationToken),
                _ => Skipped(item),
            };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new EnvApplyResult(item.Id, EnvApplyOutcomes.Failed, ex.Message);
        }
    }

    private static async Task<EnvApplyResult> WriteAsync(EnvItem item, string path, string content, UnixFileMode? mode, bool dryRun,
        CancellationToken cancellationToken)
    {
        var what = $"write {item.Name} ({System.Text.Encoding.UTF8.GetByteCount(content)} bytes{(mode is null ? "" : ", executable")})";
        if (dryRun)
        {
            return new EnvApplyResult(item.Id, EnvApplyOutcomes.WouldApply, what);
        }
        if (Directory.Exists(path))
        {
            return new EnvApplyResult(item.Id, EnvApplyOutcomes.Failed, $"{item.Name} is a directory");
        }
        await AtomicFile.WriteAsync(path, content, mode, cancellationToken);
        return new EnvApplyResult(item.Id, EnvApplyOutcomes.Applied, what);
    }

    private static async Task<EnvApplyResult> HookAsync(EnvItem item, string directory, string content, bool dryRun, CancellationToken cancellationToken)
    {
        if (await GitRepository.BranchAsync(directory, cancellationToken) is null)
        {
            return new EnvApplyResult(item.Id, EnvApplyOutcomes.Skipped, "the project directory is not a git repository");
        }
        var path = await GitRepository.HookPathAsync(directory, item.Name, cancellationToken);
        return await WriteAsync(item, path, content, Executable, dryRun, cancellationToken);
    }

    private static EnvApplyResult MakeDirectory(EnvItem item, string path, bool dryRun)
    {
        var what = $"create directory {item.Name}";
        if (dryRun)
        {
            return new EnvApplyResult(item.Id, EnvApplyOutcomes.WouldApply, what);
        }
        if (File.Exists(path))
        {
            return new EnvApplyResult(item.Id, EnvApplyOutcomes.Failed, $"{item.Name} is a file");
        }
        Directory.CreateDirectory(path);
        return new EnvApplyResult(item.Id, EnvApplyOutcomes.Applied, what);
    }

    private static async Task<EnvApplyResult> InstallAsync(EnvItem item, string install, string directory, IReadOnlyDictionary<string, string> environment,
        bool dryRun, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (dryRun)
        {
            return new EnvApplyResult(item.Id, EnvApplyOutcomes.WouldApply, "run: " + install);
        }
        var run = await InstallRunner.RunAsync(install, directory, environment, timeout, cancellationToken);
        var tail = run.OutputTail.Length == 0 ? "" : "\n" + run.OutputTail;
        return run switch
        {
            { Error: { } error } => new EnvApplyResult(item.Id, EnvApplyOutcomes.Failed, error + tail),
            { ExitCode: 0 } => new EnvApplyResult(item.Id, EnvApplyOutcomes.Applied, "exit code 0" + tail),
            _ => new EnvApplyResult(item.Id, EnvApplyOutcomes.Failed, $"exit code {run.ExitCode}" + tail),
        };
    }

    private static EnvApplyResult Skipped(EnvItem item) => new(item.Id, EnvApplyOutcomes.Skipped, item.Kind switch
    {
        EnvItemKinds.Tool => "the manifest gives no install command for this tool",
        EnvItemKinds.Env => "a variable is set in the agent's, runtime's or project's env config, not by provisioning",
        EnvItemKinds.File or EnvItemKinds.Hook => "the manifest gives no template for this file",
        _ => "git remotes and branches are left to the project's owner",
    });
}
