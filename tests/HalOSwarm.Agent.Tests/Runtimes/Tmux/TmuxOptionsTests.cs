using HalOSwarm.Agent.Configuration;

namespace HalOSwarm.Agent.Tests.Runtimes.Tmux;

public sealed class TmuxOptionsTests
{
    [Fact]
    public void Validate_Defaults_NoErrors()
    {
        var errors = new List<string>();
        new TmuxOptions().Validate("runtimes.tmux", errors);
        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_BadValues_EachErrorNamesItsKey()
    {
        var options = new TmuxOptions
        {
            AdoptPattern = "(",
            IdleAfterSec = 0,
            StuckAfterSec = 0,
            PollIntervalMs = 5,
            TaskFile = "/abs/tasks.md",
            Patterns = new() { ["waiting_for_input"] = ["ok", "[z-a]"], ["sleeping"] = ["x"], ["idle"] = ["y"] },
        };
        var errors = new List<string>();
        options.Validate("runtimes.tmux", errors);
        Assert.Contains(errors, e => e.StartsWith("runtimes.tmux.adopt_pattern: not a valid regular expression", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("runtimes.tmux.idle_after_sec:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("runtimes.tmux.stuck_after_sec:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("runtimes.tmux.poll_interval_ms:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("runtimes.tmux.task_file:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("runtimes.tmux.patterns.waiting_for_input[1]:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("runtimes.tmux.patterns.sleeping:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("runtimes.tmux.patterns.idle:", StringComparison.Ordinal));
        Assert.Equal(8, errors.Count);
    }

    [Fact]
    public void KeysOf_Tmux_AcceptsItsOwnKeys()
    {
        var keys = RuntimesOptions.KeysOf("tmux");
        Assert.All(new[] { "command", "socket", "adopt_pattern", "idle_after_sec", "stuck_after_sec", "poll_interval_ms", "task_file", "patterns", "binary" },
            k => Assert.Contains(k, keys));
    }
}
