namespace HalOSwarm.Agent.Runtimes;

/// <summary>
/// Arguments of a <c>start</c> command. <see cref="Directory"/> is where the session works: the
/// project's directory, or the isolated worktree made for it (<see cref="Worktree"/>).
/// </summary>
internal sealed record StartSessionRequest(string? Prompt, string? Title, string? Model)
{
    public string? Directory { get; init; }

    public WorktreeInfo? Worktree { get; init; }
}

/// <summary>
/// A git worktree made for one session: the folder the session works in and its branch; <see cref="Root"/> is the
/// worktree's top, <see cref="BaseRef"/> the branch (or commit) it was made from, <see cref="RepositoryDirectory"/>
/// the project's own checkout.
/// </summary>
internal sealed record WorktreeInfo(string Path, string Branch)
{
    public string? Root { get; init; }

    public string? BaseRef { get; init; }

    public string? RepositoryDirectory { get; init; }
}

/// <summary>What became of a session's worktree when the session ended.</summary>
internal sealed record WorktreeOutcome(WorktreeInfo Worktree, bool Kept, string Reason);
