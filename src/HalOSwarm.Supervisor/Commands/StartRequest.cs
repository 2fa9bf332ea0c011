namespace HalOSwarm.Supervisor.Commands;

/// <summary>Body of <c>POST /api/v1/projects/{project}/start</c>; also the start command's args (without node_id).</summary>
internal sealed record StartRequest(string? NodeId, string? Prompt, string? Title, string? Model)
{
    /// <summary>Another of the node's runtimes than the project's.</summary>
    public string? Runtime { get; init; }

    /// <summary>Start the session in its own git worktree and branch.</summary>
    public bool? Worktree { get; init; }
}
