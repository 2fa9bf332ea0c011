using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace HalOSwarm.Supervisor.Tests.Cost.Providers;

/// <summary>Every log line of a running host from the moment it is added to its logger factory: event name and formatted text.</summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Event, string Text)> _lines = new();

    public IReadOnlyList<(string Event, string Text)> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._lines.Enqueue((eventId.Name ?? "", formatter(state, exception) + (exception is null ? "" : " " + exception)));
    }
}
