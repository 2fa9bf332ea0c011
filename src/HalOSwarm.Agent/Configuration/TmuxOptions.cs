using System.Text.RegularExpressions;
using HalOSwarm.Protocol;
using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Agent.Configuration;

/// <summary>
/// <c>runtimes.tmux</c>: any interactive command line program in a tmux session, watched from its screen.
/// <see cref="RuntimeOptions.Binary"/> is tmux itself; <see cref="Command"/> is the program a session runs
/// (a project's <c>command</c> wins). Activity comes from output, silence and <see cref="Patterns"/>.
/// </summary>
internal sealed class TmuxOptions : RuntimeOptions
{
    public TmuxOptions() => Binary = "tmux";

    /// <summary>The command line a new session runs when its project sets no <c>command</c>.</summary>
    [ConfigurationKeyName("command")]
    public string? Command { get; set; }

    /// <summary>The tmux server socket (<c>tmux -S</c>); default <c>STATE_DIR/runtimes/tmux/tmux.sock</c>, a server of the agent's own.</summary>
    [ConfigurationKeyName("socket")]
    public string? Socket { get; set; }

    /// <summary>Sessions on the socket whose name matches this regex can be adopted (default: all).</summary>
    [ConfigurationKeyName("adopt_pattern")]
    public string AdoptPattern { get; set; } = ".*";

    /// <summary>Seconds without output after which a working session counts as idle.</summary>
    [ConfigurationKeyName("idle_after_sec")]
    public double IdleAfterSec { get; set; } = 10;

    /// <summary>Seconds without output (and no prompt on screen) after which a session counts as stuck.</summary>
    [ConfigurationKeyName("stuck_after_sec")]
    public double StuckAfterSec { get; set; } = 300;

    /// <summary>How often each session's output and screen are looked at.</summary>
    [ConfigurationKeyName("poll_interval_ms")]
    public int PollIntervalMs { get; set; } = 250;

    /// <summary>The task file whose checkboxes give a session's progress, relative to the session's directory.</summary>
    [ConfigurationKeyName("task_file")]
    public string TaskFile { get; set; } = Tasks.TaskFileParser.RelativePath;

    /// <summary>Regexes per activity state (<see cref="ActivityStates"/>); a state given here replaces its defaults.</summary>
    [ConfigurationKeyName("patterns")]
    public Dictionary<string, List<string>> Patterns { get; set; } = [];

    public static readonly IReadOnlySet<string> OwnKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "command", "socket", "adopt_pattern", "idle_after_sec", "stuck_after_sec", "poll_interval_ms", "task_file", "patterns",
    };

    /// <summary>States a pattern can name: those seen on the screen, not those measured from silence.</summary>
    public static readonly IReadOnlyList<string> PatternStates =
        [ActivityStates.Complete, ActivityStates.Error, ActivityStates.WaitingForInput, ActivityStates.Testing, ActivityStates.Thinking, ActivityStates.Working];

    public override void Validate(string prefix, List<string> errors)
    {
        base.Validate(prefix, errors);
        Check(errors, $"{prefix}.adopt_pattern", AdoptPattern);
        if (IdleAfterSec <= 0)
        {
            errors.Add($"{prefix}.idle_after_sec: must be more than 0");
        }
        if (StuckAfterSec <= IdleAfterSec)
        {
            errors.Add($"{prefix}.stuck_after_sec: must be more than idle_after_sec ({IdleAfterSec})");
        }
        if (PollIntervalMs is < 20 or > 60_000)
        {
            errors.Add($"{prefix}.poll_interval_ms: must be between 20 and 60000");
        }
        if (string.IsNullOrWhiteSpace(TaskFile) || Path.IsPathRooted(TaskFile))
        {
            errors.Add($"{prefix}.task_file: must be a path relative to the session's directory");
        }
        foreach (var (state, regexes) in Patterns)
        {
            if (!PatternStates.Contains(state))
            {
                errors.Add($"{prefix}.patterns.{state}: not a state a pattern can set (one of {string.Join(", ", PatternStates)})");
                continue;
            }
            for (var i = 0; i < regexes.Count; i++)
            {
                Check(errors, $"{prefix}.patterns.{state}[{i}]", regexes[i]);
            }
        }
    }

    private static void Check(List<string> errors, string key, string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException ex)
        {
            errors.Add($"{key}: not a valid regular expression ({ex.Message})");
        }
    }
}
