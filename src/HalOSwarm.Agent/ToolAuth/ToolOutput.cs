using System.Text.RegularExpressions;

namespace HalOSwarm.Agent.ToolAuth;

/// <summary>The text a tool printed, as lines without terminal colours and box-drawing marks, for the parsers to read.</summary>
internal static partial class ToolOutput
{
    public const int MaxReasonChars = 512;

    public static IReadOnlyList<string> Lines(string output) =>
        [.. Ansi().Replace(output, "").Split('\n').Select(l => l.Trim().TrimStart('│', '┌', '└', '●', '◇', '◆', '◒', '◐', '◓', '◑', ' ', '\r').Trim())
            .Where(l => l.Length > 0)];

    /// <summary>A line fit for a reason: bounded, no control characters.</summary>
    public static string Clean(string line)
    {
        var text = new string([.. line.Where(c => !char.IsControl(c))]).Trim();
        return text.Length > MaxReasonChars ? text[..MaxReasonChars] + "…" : text;
    }

    [GeneratedRegex(@"\x1B(\[[0-9;?]*[ -/]*[@-~]|\][^\x07]*\x07|[@-Z\\-_])")]
    private static partial Regex Ansi();
}
