using System.Text.Json;
using HalOSwarm.Protocol.Events;

namespace HalOSwarm.Agent.ToolAuth;

/// <summary>
/// Reads <c>claude auth status</c> (JSON by default): <c>{"loggedIn":bool,"authMethod":…,"email"?,"apiKeySource"?}</c>,
/// exit 1 when logged out. The reason names the account's email or where the key comes from (a variable's name), never a key.
/// </summary>
internal static class ClaudeAuthStatusParser
{
    public static AuthVerdict Parse(int exitCode, string output)
    {
        var start = output.IndexOf('{', StringComparison.Ordinal);
        var end = output.LastIndexOf('}');
        if (start < 0 || end <= start)
        {
            return new AuthVerdict(AuthStatuses.Unknown, null, $"claude auth status printed no JSON (exit code {exitCode})");
        }
        try
        {
            using var document = JsonDocument.Parse(output[start..(end + 1)]);
            var root = document.RootElement;
            if (!root.TryGetProperty("loggedIn", out var loggedIn) || loggedIn.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                return new AuthVerdict(AuthStatuses.Unknown, null, "claude auth status did not say loggedIn");
            }
            var method = Text(root, "authMethod") is { } m && m != "none" ? m : null;
            if (!loggedIn.GetBoolean())
            {
                return new AuthVerdict(AuthStatuses.Unauthenticated, null, "Not logged in");
            }
            var reason = Text(root, "email") is { } email ? $"Logged in as {email}"
                : Text(root, "apiKeySource") is { } source ? $"API key from {source}"
                : method == "oauth_token" ? "OAuth token configured"
                : $"Logged in ({method ?? "unknown method"})";
            return new AuthVerdict(AuthStatuses.Authenticated, method, ToolOutput.Clean(reason));
        }
        catch (JsonException)
        {
            return new AuthVerdict(AuthStatuses.Unknown, null, $"claude auth status printed something that is not JSON (exit code {exitCode})");
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}
