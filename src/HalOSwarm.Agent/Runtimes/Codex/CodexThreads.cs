using System.Text.Json;
using HalOSwarm.Agent.Runtimes.OpenCode;

namespace HalOSwarm.Agent.Runtimes.Codex;

/// <summary>
/// The threads Codex keeps under CODEX_HOME/sessions (<c>YYYY/MM/DD/rollout-…-&lt;thread id&gt;.jsonl</c>): the
/// first line is the thread's <c>session_meta</c> (id, cwd); the first completed <c>UserMessage</c> item gives a title.
/// </summary>
internal static class CodexThreads
{
    private const int TitleScanLines = 400;

    public static IEnumerable<AdoptableSession> Under(string codexHome, string directory)
    {
        var root = Path.Combine(codexHome, "sessions");
        if (!Directory.Exists(root))
        {
            yield break;
        }
        var project = Path.GetFullPath(directory).TrimEnd('/');
        foreach (var file in Directory.EnumerateFiles(root, "rollout-*.jsonl", SearchOption.AllDirectories))
        {
            if (Read(file) is { } thread && thread.Directory is { } cwd
                && (cwd == project || cwd.StartsWith(project + "/", StringComparison.Ordinal)))
            {
                yield return thread;
            }
        }
    }

    public static AdoptableSession? Read(string file)
    {
        try
        {
            using var reader = new StreamReader(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
            var meta = Parse(reader.ReadLine());
            if (meta?.Str("type") != "session_meta" || meta.Get("payload") is not { } payload || payload.Str("id") is not { } id)
            {
                return null;
            }
            string? title = null;
            for (var i = 0; i < TitleScanLines && title is null && reader.ReadLine() is { } line; i++)
            {
                if (line.Contains("\"UserMessage\"", StringComparison.Ordinal) && Parse(line).Get("payload") is { } p
                    && p.Str("type") == "item_completed" && p.Get("item") is { } item && item.Str("type") == "UserMessage")
                {
                    title = string.Concat((item.Get("content") ?? default).Items().Select(c => c.Str("text")));
                }
            }
            return new AdoptableSession(id, title is { Length: > 80 } ? title[..80] : title, payload.Str("cwd"), File.GetLastWriteTimeUtc(file));
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static JsonElement? Parse(string? line)
    {
        if (string.IsNullOrEmpty(line))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
