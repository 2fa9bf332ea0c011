using System.Text.RegularExpressions;

namespace HalOSwarm.Agent.Tasks;

/// <summary>
/// Reads a project's <c>.context/PROGRESS.md</c> for the mark that the project is done. Any one line
/// counts, case-insensitive: <c>Status: done</c> (also bold or as a list item, e.g. <c>**STATUS:** DONE</c>),
/// a checked <c>- [x] DONE</c>, or a heading with the word <c>done</c> that has no <c>not</c>, <c>yet</c>,
/// <c>todo</c>, <c>remaining</c> or <c>?</c> in it (<c>## DONE</c>, <c># Project done ✅</c>).
/// </summary>
internal static partial class ProgressFileParser
{
    public const string RelativePath = ".context/PROGRESS.md";
    /// <summary>The <c>source</c> of the <c>project.done</c> events this file produces.</summary>
    public const string Source = "progress_file";

    /// <summary>The first line that marks the project done, trimmed; null when none does.</summary>
    public static string? FindDoneMarker(string content)
    {
        foreach (var raw in content.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }
            if (StatusDone().IsMatch(line) || CheckedDone().IsMatch(line)
                || Heading().IsMatch(line) && DoneWord().IsMatch(line) && !Negation().IsMatch(line))
            {
                return line;
            }
        }
        return null;
    }

    [GeneratedRegex(@"^(?:[-*+]\s+)?[*_]*status[*_]*\s*:\s*[*_]*\s*done\b", RegexOptions.IgnoreCase)]
    private static partial Regex StatusDone();

    [GeneratedRegex(@"^[-*+]\s+\[[xX]\]\s+[*_]*done\b", RegexOptions.IgnoreCase)]
    private static partial Regex CheckedDone();

    [GeneratedRegex(@"^#{1,6}\s")]
    private static partial Regex Heading();

    [GeneratedRegex(@"\bdone\b", RegexOptions.IgnoreCase)]
    private static partial Regex DoneWord();

    [GeneratedRegex(@"\b(?:not|yet|todo|remaining)\b|\?", RegexOptions.IgnoreCase)]
    private static partial Regex Negation();
}
