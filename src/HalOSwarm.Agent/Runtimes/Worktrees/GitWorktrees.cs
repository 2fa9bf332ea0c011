using System.Globalization;
using System.Text.RegularExpressions;
using HalOSwarm.Agent.Configuration;
using HalOSwarm.Agent.Storage;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Agent.Runtimes.Worktrees;

/// <summary>
/// Isolated workspaces: a session started with <c>--worktree</c> (or in a project with <c>worktree: true</c>) works
/// in its own <c>git worktree</c> on its own branch (<c>hal/&lt;project&gt;-&lt;id&gt;</c>, made from what the
/// project's checkout has checked out), under state_dir/worktrees/. When the session ends the worktree is removed,
/// unless it holds uncommitted changes or commits its base branch does not have: then it is kept, and reported.
/// </summary>
internal sealed partial class GitWorktrees
{
    private static readonly TimeSpan s_gitTimeout = TimeSpan.FromSeconds(60);

    private readonly AgentOptions _options;
    private readonly WorktreeStore _store;

    public GitWorktrees(IOptions<AgentOptions> options, WorktreeStore store)
    {
        _options = options.Value;
        _store = store;
    }

    /// <summary>Makes a worktree and branch for a new session of <paramref name="project"/>.</summary>
    public async Task<WorktreeInfo> CreateAsync(ProjectOptions project, CancellationToken cancellationToken)
    {
        var top = await GitAsync(project.Directory, ["rev-parse", "--show-toplevel"], cancellationToken);
        if (top.ExitCode != 0)
        {
            throw new RuntimeCommandException(Protocol.CommandErrorCodes.InvalidArgs,
                $"project '{project.Name}' is not in a git repository ({project.Directory}), so it cannot have worktrees");
        }
        var baseRef = await GitAsync(project.Directory, ["symbolic-ref", "--quiet", "--short", "HEAD"], cancellationToken) is { ExitCode: 0 } branch
            ? branch.Output.Trim()
            : (await GitAsync(project.Directory, ["rev-parse", "HEAD"], cancellationToken)).Output.Trim();
        var id = Guid.NewGuid().ToString("N")[..8];
        var name = $"{Slug(project.Name)}-{id}";
        var path = Path.Combine(_options.StateDir, "worktrees", name);
        var branchName = "hal/" + name;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var add = await GitAsync(project.Directory, ["worktree", "add", "-b", branchName, path, "HEAD"], cancellationToken);
        if (add.ExitCode != 0)
        {
            throw new RuntimeCommandException(Protocol.CommandErrorCodes.RuntimeError, $"git worktree add failed: {FirstLine(add.Output)}");
        }
        // The session works in the same place inside the repository as the project does.
        var inside = Path.GetRelativePath(top.Output.Trim(), project.Directory);
        var directory = inside == "." ? path : Path.Combine(path, inside);
        return new WorktreeInfo(directory, branchName) { Root = path, BaseRef = baseRef, RepositoryDirectory = project.Directory };
    }

    /// <summary>Remembers which session works in <paramref name="worktree"/>, so it is cleaned up when the session ends.</summary>
    public Task AssignAsync(string sessionId, string project, WorktreeInfo worktree, CancellationToken cancellationToken) =>
        _store.AddAsync(sessionId, project, worktree, cancellationToken);

    /// <summary>Removes a worktree nobody uses (a start that failed).</summary>
    public static async Task DiscardAsync(WorktreeInfo worktree, CancellationToken cancellationToken)
    {
        await GitAsync(worktree.RepositoryDirectory!, ["worktree", "remove", "--force", worktree.Root!], cancellationToken);
        await GitAsync(worktree.RepositoryDirectory!, ["branch", "-D", worktree.Branch], cancellationToken);
    }

    /// <summary>The session ended: removes its worktree and branch, or keeps them and says why.</summary>
    public async Task<WorktreeOutcome?> ReleaseAsync(string sessionId, CancellationToken cancellationToken)
    {
        if (await _store.GetAsync(sessionId, cancellationToken) is not { } worktree)
        {
            return null;
        }
        WorktreeOutcome outcome;
        if (!Directory.Exists(worktree.Root))
        {
            outcome = new WorktreeOutcome(worktree, Kept: false, "the worktree folder was already gone");
            await GitAsync(worktree.RepositoryDirectory!, ["worktree", "prune"], cancellationToken);
        }
        else if ((await GitAsync(worktree.Root!, ["status", "--porcelain"], cancellationToken)).Output.Trim() is { Length: > 0 } changes)
        {
            outcome = new WorktreeOutcome(worktree, Kept: true,
                $"{changes.Split('\n').Length} uncommitted change(s); merge or discard them, then run 'git worktree remove {worktree.Root}'");
        }
        else if (await UnmergedCommitsAsync(worktree, cancellationToken) is > 0 and var commits)
        {
            outcome = new WorktreeOutcome(worktree, Kept: true,
                $"{commits} commit(s) on {worktree.Branch} not in {worktree.BaseRef}; merge them, then run 'git worktree remove {worktree.Root}'");
        }
        else
        {
            var remove = await GitAsync(worktree.RepositoryDirectory!, ["worktree", "remove", worktree.Root!], cancellationToken);
            await GitAsync(worktree.RepositoryDirectory!, ["branch", "-d", worktree.Branch], cancellationToken);
            outcome = remove.ExitCode == 0
                ? new WorktreeOutcome(worktree, Kept: false, "no changes and no unmerged commits")
                : new WorktreeOutcome(worktree, Kept: true, $"git worktree remove failed: {FirstLine(remove.Output)}");
        }
        await _store.RemoveAsync(sessionId, cancellationToken);
        return outcome;
    }

    private static async Task<int> UnmergedCommitsAsync(WorktreeInfo worktree, CancellationToken cancellationToken)
    {
        var count = await GitAsync(worktree.RepositoryDirectory!, ["rev-list", "--count", $"{worktree.BaseRef}..{worktree.Branch}"], cancellationToken);
        return count.ExitCode == 0 && int.TryParse(count.Output.Trim(), CultureInfo.InvariantCulture, out var n) ? n : 0;
    }

    private static Task<ProbeResult> GitAsync(string directory, IReadOnlyList<string> args, CancellationToken cancellationToken) =>
        RuntimeProbe.RunAsync("git", ["-C", directory, .. args], null, s_gitTimeout, cancellationToken);

    private static string FirstLine(string text) => text.Trim().Split('\n')[0];

    private static string Slug(string name)
    {
        var slug = SlugPattern().Replace(name.ToLowerInvariant(), "-").Trim('-');
        return slug.Length == 0 ? "project" : slug.Length > 32 ? slug[..32] : slug;
    }

    [GeneratedRegex("[^a-z0-9._-]+")]
    private static partial Regex SlugPattern();
}
