using System.Text.RegularExpressions;

namespace HalOSwarm.Agent.ToolAuth;

/// <summary>
/// Finds the verification URL and the one-time code in what a device login prints. Codex prints the URL on the line
/// after "Open this link…" and the code on the line after "Enter this one-time code…"; opencode prints the URL and
/// "Enter code: XXXX". Returns null until both are there.
/// </summary>
internal static partial class DeviceCodePrompt
{
    public const int MaxUrlChars = 2048;
    public const int MaxCodeChars = 64;

    public static (string Url, string Code)? Find(IReadOnlyList<string> rawLines)
    {
        var lines = ToolOutput.Lines(string.Join('\n', rawLines));
        string? url = null, code = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (url is null && UrlPattern().Match(line) is { Success: true } u && u.Value.Length <= MaxUrlChars)
            {
                url = u.Value;
            }
            if (code is null && EnterCode().Match(line) is { Success: true } inline)
            {
                code = inline.Groups[1].Value;
            }
            if (code is null && line.Contains("one-time code", StringComparison.OrdinalIgnoreCase) && i + 1 < lines.Count
                && CodePattern().IsMatch(lines[i + 1]))
            {
                code = lines[i + 1];
            }
        }
        return url is not null && code is not null ? (url, code) : null;
    }

    [GeneratedRegex(@"https?://[^\s""'<>]+")]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9-]{2,63}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"Enter code:\s*([A-Za-z0-9][A-Za-z0-9-]{2,63})\b")]
    private static partial Regex EnterCode();
}
