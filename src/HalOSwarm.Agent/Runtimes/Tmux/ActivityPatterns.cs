using System.Text.RegularExpressions;
using HalOSwarm.Agent.Configuration;
using HalOSwarm.Protocol;

namespace HalOSwarm.Agent.Runtimes.Tmux;

/// <summary>
/// The regexes that tell activity states apart on the screen: the defaults below, each state's replaced
/// by <c>runtimes.tmux.patterns.&lt;state&gt;</c> when given. <c>waiting_for_input</c> is matched against
/// the line the cursor is on (the last non-empty screen line); the others against the lines of new output.
/// </summary>
internal sealed class ActivityPatterns
{
    private static readonly TimeSpan s_matchTimeout = TimeSpan.FromMilliseconds(200);

    public static readonly IReadOnlyDictionary<string, string[]> Defaults = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [ActivityStates.Complete] = [@"(?i)^\s*(all done|task complete(d)?|<done>)[.!]?\s*$"],
        [ActivityStates.Error] = [@"^\s*(Error|ERROR|Fatal|FATAL|fatal|error)(\[[^\]]*\])?:", @"^Traceback \(most recent call last\):", @"^panic: "],
        [ActivityStates.WaitingForInput] = [@"\?\s*$", @"(?i)\((y/n|yes/no)\)\s*:?\s*$", @"(^|\s)>\s*$"],
        [ActivityStates.Testing] = [@"(?i)\b(running tests?|dotnet test|npm (run )?test|pytest|go test|cargo test)\b"],
        [ActivityStates.Thinking] = [@"(?i)\b(thinking|reasoning)\s*(\.\.\.|…)"],
        [ActivityStates.Working] = [],
    };

    private readonly Dictionary<string, Regex[]> _byState;

    public ActivityPatterns(IReadOnlyDictionary<string, List<string>> configured)
    {
        _byState = new Dictionary<string, Regex[]>(StringComparer.Ordinal);
        foreach (var state in TmuxOptions.PatternStates)
        {
            IEnumerable<string> sources = configured.TryGetValue(state, out var own) ? own : Defaults[state];
            _byState[state] = [.. sources.Select(p => new Regex(p, RegexOptions.CultureInvariant, s_matchTimeout))];
        }
    }

    public static ActivityPatterns FromDefaults() => new(new Dictionary<string, List<string>>());

    /// <summary>The first line of <paramref name="lines"/> that one of <paramref name="state"/>'s patterns matches.</summary>
    public string? FirstMatch(string state, IReadOnlyList<string> lines)
    {
        var regexes = _byState[state];
        foreach (var line in lines)
        {
            foreach (var regex in regexes)
            {
                try
                {
                    if (regex.IsMatch(line))
                    {
                        return line;
                    }
                }
                catch (RegexMatchTimeoutException)
                {
                    // A pathological line is not worth stalling the session's watch for.
                }
            }
        }
        return null;
    }
}
