using Microsoft.Extensions.Logging;

namespace HalOSwarm.Agent.Tests.Connection;

/// <summary>A logger that completes <see cref="Seen"/> with the first message containing a given text: a test waits for what the component logs instead of a fixed pause.</summary>
internal sealed class SignalLogger<T>(string contains) : ILogger<T>
{
    public TaskCompletionSource<string> Seen { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var message = formatter(state, exception);
        if (message.Contains(contains, StringComparison.Ordinal))
        {
            Seen.TrySetResult(message);
        }
    }
}
