using System.Text.RegularExpressions;
using HalOSwarm.Protocol.Events;

namespace HalOSwarm.Agent.Tasks;

/// <summary>
/// Reads a task file: the current task is the first markdown heading's text (else the first non-empty
/// line), progress is the count of <c>- [x]</c> among all <c>- [ ]</c>/<c>- [x]</c> checkboxes.
/// </summary>
internal static partial class TaskFileParser
{
    public const string RelativePath = ".context/CURRENT_TASK.md";

    public static TaskProgressData Parse(string project, string content)
    {
        string? heading = null, firstLine = null;
        int done = 0, total = 0;
        foreach (var raw in content.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }
            firstLine ??= line;
            if (heading is null && Heading().Match(line) is { Success: true } h)
            {
                heading = h.Groups[1].Value.Trim();
            }
            if (Checkbox().Match(line) is { Success: true } c)
            {
                total++;
                if (c.Groups[1].Value is "x" or "X")
                {
                    done++;
                }
            }
        }
        return new TaskProgressData(project, heading ?? firstLine, done, total);
    }

    [GeneratedRegex(@"^#{1,6}\s+(.+?)\s*#*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^[-*+]\s+\[([ xX])\]")]
    private static partial Regex Checkbox();
}
