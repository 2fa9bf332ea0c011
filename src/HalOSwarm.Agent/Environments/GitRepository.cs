using HalOSwarm.Agent.Runtimes;

namespace HalOSwarm.Agent.Environments;

/// <summary>What the manifest asks of a project's git checkout, answered by git itself.</summary>
internal static class GitRepository
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(15);

    public static async Task<string?> RemoteUrlAsync(string directory, string remote, CancellationToken cancellationToken) =>
        await GitAsync(directory, ["remote", "get-url", remote], cancellationToken);

    /// <summary>The checked-out branch (also before the first commit), <c>detached at SHA</c>, or null outside a repository.</summary>
    public static async Task<string?> BranchAsync(string directory, CancellationToken cancellationToken) =>
        await GitAsync(directory, ["symbolic-ref", "-q", "--short", "HEAD"], cancellationToken)
        ?? (await GitAsync(directory, ["rev-parse", "--short", "HEAD"], cancellationToken) is { } sha ? "detached at " + sha : null);

    /// <summary>Where the repository keeps the hook (honours core.hooksPath and worktrees); in .git/hooks when git cannot tell.</summary>
    public static async Task<string> HookPathAsync(string directory, string hook, CancellationToken cancellationToken)
    {
        var path = await GitAsync(directory, ["rev-parse", "--git-path", "hooks/" + hook], cancellationToken);
        return Path.GetFullPath(Path.Combine(directory, path ?? Path.Combine(".git", "hooks", hook)));
    }

    private static async Task<string?> GitAsync(string directory, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var run = await RuntimeProbe.RunAsync("git", ["-C", directory, .. args], null, s_timeout, cancellationToken);
        return run.Error is null && run.ExitCode == 0 ? run.Output.Trim() : null;
    }
}
