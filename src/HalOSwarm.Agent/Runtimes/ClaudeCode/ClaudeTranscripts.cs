namespace HalOSwarm.Agent.Runtimes.ClaudeCode;

/// <summary>
/// Claude's own record of its sessions: <c>$CLAUDE_CONFIG_DIR</c> (default <c>~/.claude</c>)
/// <c>/projects/&lt;working directory, / as -&gt;/&lt;session_id&gt;.jsonl</c>.
/// </summary>
internal static class ClaudeTranscripts
{
    /// <summary>The config folder the session's program uses, given its environment (which overrides the agent's).</summary>
    public static string ConfigFolder(IReadOnlyDictionary<string, string> environment)
    {
        if (environment.TryGetValue("CLAUDE_CONFIG_DIR", out var dir) && dir.Length > 0)
        {
            return dir;
        }
        if (Environment.GetEnvironmentVariable("CLAUDE_CONFIG_DIR") is { Length: > 0 } inherited)
        {
            return inherited;
        }
        var home = environment.TryGetValue("HOME", out var h) && h.Length > 0 ? h : Environment.GetEnvironmentVariable("HOME") ?? "";
        return Path.Combine(home, ".claude");
    }

    /// <summary>The folder of one working directory's sessions: every character other than a letter or digit becomes '-'.</summary>
    public static string ProjectFolder(IReadOnlyDictionary<string, string> environment, string directory) =>
        Path.Combine(ConfigFolder(environment), "projects",
            new string([.. Path.TrimEndingDirectorySeparator(directory).Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]));

    /// <summary>True when Claude has a transcript of the session (so it is continued with --resume).</summary>
    public static bool Exists(IReadOnlyDictionary<string, string> environment, string sessionId)
    {
        var projects = Path.Combine(ConfigFolder(environment), "projects");
        return Directory.Exists(projects)
            && Directory.EnumerateFiles(projects, sessionId + ".jsonl", SearchOption.AllDirectories).Any();
    }
}
