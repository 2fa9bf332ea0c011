using HalOSwarm.Protocol.Events;

namespace HalOSwarm.Agent.ToolAuth;

/// <summary>
/// Reads <c>codex login status</c>: "Not logged in" (exit 1), "API key configured - sk-…***abcd" (only "API key configured"
/// is kept: even a masked key stays on the node) or "Logged in using ChatGPT". Its WARNING lines are skipped.
/// </summary>
internal static class CodexLoginStatusParser
{
    public static AuthVerdict Parse(int exitCode, string output)
    {
        foreach (var line in ToolOutput.Lines(output).Where(l => !l.StartsWith("WARNING", StringComparison.Ordinal)))
        {
            if (line.StartsWith("Not logged in", StringComparison.OrdinalIgnoreCase))
            {
                return new AuthVerdict(AuthStatuses.Unauthenticated, null, "Not logged in");
            }
            if (line.StartsWith("API key configured", StringComparison.OrdinalIgnoreCase))
            {
                return new AuthVerdict(AuthStatuses.Authenticated, "api_key", "API key configured");
            }
            if (line.StartsWith("Logged in using ", StringComparison.OrdinalIgnoreCase))
            {
                var how = line["Logged in using ".Length..].Trim();
                var method = how.Equals("ChatGPT", StringComparison.OrdinalIgnoreCase) ? "chatgpt" : how.ToLowerInvariant().Replace(' ', '_');
                return new AuthVerdict(AuthStatuses.Authenticated, ToolOutput.Clean(method), ToolOutput.Clean($"Logged in using {how}"));
            }
        }
        return new AuthVerdict(AuthStatuses.Unknown, null, $"codex login status printed nothing the agent knows (exit code {exitCode})");
    }
}
