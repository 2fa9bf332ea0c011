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

/// <summary>A git worktree made for one session: its folder and branch.</summary>
internal sealed record WorktreeInfo(string Path, string Branch);
