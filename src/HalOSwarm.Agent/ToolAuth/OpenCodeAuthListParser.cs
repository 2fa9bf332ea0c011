using HalOSwarm.Protocol.Events;

namespace HalOSwarm.Agent.ToolAuth;

/// <summary>
/// Reads <c>opencode auth list</c>: a "Credentials &lt;path&gt;" box listing each stored credential ("Anthropic api",
/// "OpenAI oauth"; from auth.json or OPENCODE_AUTH_CONTENT) and ending "N credentials", then, when providers' keys are in
/// the environment, an "Environment" box ("Anthropic ANTHROPIC_API_KEY", ending "N environment variables"). Logged in
/// when either lists something. Keys written into opencode's own config are not listed by it, so not seen here.
/// </summary>
internal static class OpenCodeAuthListParser
{
    public static AuthVerdict Parse(int exitCode, string output)
    {
        var lines = ToolOutput.Lines(output);
        if (exitCode != 0 || !lines.Any(l => l.StartsWith("Credentials", StringComparison.Ordinal)))
        {
            return new AuthVerdict(AuthStatuses.Unknown, null, $"opencode auth list printed no credentials list (exit code {exitCode})");
        }
        var stored = new List<(string Provider, string Kind)>();
        var environment = new List<(string Provider, string Variable)>();
        List<(string, string)>? section = null;
        foreach (var line in lines)
        {
            if (line.StartsWith("Credentials", StringComparison.Ordinal))
            {
                section = stored;
            }
            else if (line == "Environment")
            {
                section = environment;
            }
            else if (IsCount(line))
            {
                section = null;
            }
            else if (section is not null)
            {
                var space = line.LastIndexOf(' ');
                section.Add(space > 0 ? (line[..space].Trim(), line[(space + 1)..]) : (line, ""));
            }
        }
        if (stored.Count == 0 && environment.Count == 0)
        {
            return new AuthVerdict(AuthStatuses.Unauthenticated, null, "No credentials stored and no provider key in the environment");
        }
        var parts = new List<string>();
        if (stored.Count > 0)
        {
            parts.Add("Credentials: " + string.Join(", ", stored.Select(s => $"{s.Provider} ({s.Kind})")));
        }
        if (environment.Count > 0)
        {
            parts.Add("environment: " + string.Join(", ", environment.Select(e => $"{e.Provider} ({e.Variable})")));
        }
        var method = stored.Count > 0 ? string.Join(",", stored.Select(s => s.Kind).Distinct(StringComparer.Ordinal)) : "env";
        return new AuthVerdict(AuthStatuses.Authenticated, ToolOutput.Clean(method), ToolOutput.Clean(string.Join("; ", parts)));
    }

    private static bool IsCount(string line)
    {
        var words = line.Split(' ', 2);
        return words.Length == 2 && int.TryParse(words[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _)
            && (words[1].StartsWith("credential", StringComparison.Ordinal) || words[1].StartsWith("environment variable", StringComparison.Ordinal));
    }
}
