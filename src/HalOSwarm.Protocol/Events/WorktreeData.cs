namespace HalOSwarm.Protocol.Events;

/// <summary>What became of a session's git worktree when the session ended, and why.</summary>
public sealed record WorktreeData(string Path, string Branch, string Reason);
