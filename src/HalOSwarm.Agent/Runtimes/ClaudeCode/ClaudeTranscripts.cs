using System.Text.Json;
using HalOSwarm.Agent.Runtimes.OpenCode;

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

    /// <summary>
    /// The sessions Claude keeps for <paramref name="directory"/>, newest first: id, the first prompt as a
    /// title, and when the transcript last changed.
    /// </summary>
    public static IReadOnlyList<AdoptableSession> List(IReadOnlyDictionary<string, string> environment, string directory)
    {
        var folder = ProjectFolder(environment, directory);
        if (!Directory.Exists(folder))
        {
            return [];
        }
        return [.. new DirectoryInfo(folder).EnumerateFiles("*.jsonl")
            .Where(f => Guid.TryParse(Path.GetFileNameWithoutExtension(f.Name), out _))
            .OrderByDescending(f => f.LastWriteTimeUtc)
            .Select(f => new AdoptableSession(Path.GetFileNameWithoutExtension(f.Name), FirstPrompt(f.FullName), directory,
                new DateTimeOffset(f.LastWriteTimeUtc, TimeSpan.Zero)))];
    }

    /// <summary>The text of the transcript's first user prompt (cut to 80 characters), or null.</summary>
    private static string? FirstPrompt(string path)
    {
        foreach (var line in File.ReadLines(path).Take(200))
        {
            if (!line.StartsWith('{'))
            {
                continue;
            }
            try
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                if (root.Str("type") != "user" || root.Get("message") is not { } message)
                {
                    continue;
                }
                var text = message.Get("content") is { ValueKind: JsonValueKind.String } plain ? plain.GetString() ?? "" : ClaudeCodeEvents.ContentText(message.Get("content"));
                if (text.Length > 0)
                {
                    text = text.ReplaceLineEndings(" ").Trim();
                    return text.Length > 80 ? text[..80] + "…" : text;
                }
            }
            catch (JsonException)
            {
                // A line being written; the title is a nicety.
            }
        }
        return null;
    }
}
