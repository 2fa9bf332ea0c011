using HalOSwarm.Protocol;

namespace HalOSwarm.Agent.Runtimes.Tmux;

/// <summary>
/// A session's activity state from what its screen does. New output: a done marker → complete, an error
/// line → error, a prompt on the cursor line → waiting_for_input, test or thinking lines → testing /
/// thinking, anything else → working. Silence: a working session is idle after <c>idle_after</c>; an idle
/// one (no prompt on screen) is stuck after <c>stuck_after</c>. The program exiting: complete (status 0)
/// or error. Pure (time from the <see cref="TimeProvider"/>), so it is unit-tested without tmux.
/// </summary>
internal sealed class ScreenClassifier
{
    private readonly ActivityPatterns _patterns;
    private readonly TimeSpan _idleAfter;
    private readonly TimeSpan _stuckAfter;
    private readonly TimeProvider _time;

    public ScreenClassifier(ActivityPatterns patterns, TimeSpan idleAfter, TimeSpan stuckAfter, TimeProvider time,
        string state = ActivityStates.Initializing, DateTimeOffset? lastOutputAt = null)
    {
        _patterns = patterns;
        _idleAfter = idleAfter;
        _stuckAfter = stuckAfter;
        _time = time;
        State = state;
        LastOutputAt = lastOutputAt ?? time.GetUtcNow();
    }

    public string State { get; private set; }

    /// <summary>Why the state is what it is: the line that matched, the silence measured, the exit status.</summary>
    public string? Detail { get; private set; }

    public DateTimeOffset LastOutputAt { get; private set; }

    /// <summary>True once the program has exited; the state does not change any more.</summary>
    public bool Exited { get; private set; }

    /// <summary>Whether <paramref name="state"/> is a turn in progress (the session counts as running).</summary>
    public static bool IsRunning(string state) =>
        state is ActivityStates.Initializing or ActivityStates.Working or ActivityStates.Thinking or ActivityStates.Testing;

    /// <summary>
    /// The program wrote <paramref name="newText"/> (plain text, possibly several lines) and the cursor line
    /// now reads <paramref name="cursorLine"/>; true when the state changed.
    /// </summary>
    public bool OnOutput(string newText, string? cursorLine)
    {
        if (Exited)
        {
            return false;
        }
        LastOutputAt = _time.GetUtcNow();
        var lines = newText.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToList();
        if (_patterns.FirstMatch(ActivityStates.Complete, lines) is { } done)
        {
            return Set(ActivityStates.Complete, done);
        }
        if (_patterns.FirstMatch(ActivityStates.Error, lines) is { } error)
        {
            return Set(ActivityStates.Error, error);
        }
        if (cursorLine is { Length: > 0 } && _patterns.FirstMatch(ActivityStates.WaitingForInput, [cursorLine.TrimEnd()]) is { } prompt)
        {
            return Set(ActivityStates.WaitingForInput, prompt);
        }
        // The latest line that says what kind of work this is wins.
        lines.Reverse();
        foreach (var line in lines)
        {
            foreach (var state in (string[])[ActivityStates.Testing, ActivityStates.Thinking, ActivityStates.Working])
            {
                if (_patterns.FirstMatch(state, [line]) is { } match)
                {
                    return Set(state, match);
                }
            }
        }
        // Plain output keeps a testing or thinking phase going; it only starts work after a pause.
        return State is ActivityStates.Testing or ActivityStates.Thinking ? false : Set(ActivityStates.Working, null);
    }

    /// <summary>No output since the last look; true when the silence changed the state.</summary>
    public bool OnSilence()
    {
        if (Exited)
        {
            return false;
        }
        var silent = _time.GetUtcNow() - LastOutputAt;
        if (IsRunning(State) && silent >= _idleAfter)
        {
            return Set(ActivityStates.Idle, $"no output for {_idleAfter.TotalSeconds:0.#} s");
        }
        if (State == ActivityStates.Idle && silent >= _stuckAfter)
        {
            return Set(ActivityStates.Stuck, $"no output for {_stuckAfter.TotalSeconds:0.#} s and no prompt on screen");
        }
        return false;
    }

    /// <summary>The program ended with <paramref name="exitStatus"/> (null when unknown).</summary>
    public bool OnExit(int? exitStatus)
    {
        if (Exited)
        {
            return false;
        }
        Exited = true;
        // Always a change: even a program that already printed its done marker now ends for good.
        State = exitStatus is null or 0 ? ActivityStates.Complete : ActivityStates.Error;
        Detail = exitStatus is null ? "the program exited" : $"the program exited with status {exitStatus}";
        return true;
    }

    private bool Set(string state, string? detail)
    {
        var changed = state != State;
        State = state;
        if (changed)
        {
            Detail = detail;
        }
        return changed;
    }
}
