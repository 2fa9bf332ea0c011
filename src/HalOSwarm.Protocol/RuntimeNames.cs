namespace HalOSwarm.Protocol;

/// <summary>Runtime adapter names as they appear on the wire.</summary>
public static class RuntimeNames
{
    public const string OpenCode = "opencode";
    public const string ClaudeCode = "claude-code";
    public const string Codex = "codex";
    public const string Tmux = "tmux";
}
