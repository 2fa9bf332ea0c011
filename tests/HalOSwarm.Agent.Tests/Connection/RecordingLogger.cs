using Microsoft.Extensions.Logging;

namespace HalOSwarm.Agent.Tests.Connection;

/// <summary>Keeps every entry (level and message) so a test can count what was logged and wait for an entry.</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly List<(LogLevel Level, string Message)> _entries = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<(LogLevel Level, string Message)> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        TaskCompletionSource changed;
        lock (_entries)
        {
            _entries.Add((logLevel, formatter(state, exception)));
            changed = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        changed.TrySetResult();
    }

    /// <summary>Waits (20 s at most) until <paramref name="count"/> entries contain <paramref name="text"/>.</summary>
    public async Task WaitForAsync(string text, int count = 1)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            Task changed;
            lock (_entries)
            {
                if (_entries.Count(e => e.Message.Contains(text, StringComparison.Ordinal)) >= count)
                {
                    return;
                }
                changed = _changed.Task;
            }
            await changed.WaitAsync(timeout.Token);
        }
    }
}
