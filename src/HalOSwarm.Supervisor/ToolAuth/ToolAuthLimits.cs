using System.Globalization;
using System.Text.Json;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Security;

namespace HalOSwarm.Supervisor.ToolAuth;

/// <summary>The tools that have a login (every runtime but tmux) and how an agent's values are read: bounded, one line.</summary>
internal static class ToolAuthLimits
{
    public static readonly IReadOnlyList<string> Tools = [RuntimeNames.OpenCode, RuntimeNames.ClaudeCode, RuntimeNames.Codex];

    public static string? Tool(JsonElement root) => Text(root, "tool", 32) is { } tool && Tools.Contains(tool) ? tool : null;

    public static string? Text(JsonElement root, string name, int max) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? BoundedText.Cut(new string([.. text.Where(c => !char.IsControl(c))]), max, "…")
            : null;

    public static DateTimeOffset? Time(JsonElement root, string name) =>
        Text(root, name, 64) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : null;
}
