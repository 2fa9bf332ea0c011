using System.Text.Json;

namespace HalOSwarm.Supervisor.Tests.Support;

/// <summary>Reads an event stream (<c>text/event-stream</c>) the way a client does.</summary>
internal static class SseEvents
{
    /// <summary>The next event's type and data; fails after ten seconds without one.</summary>
    public static async Task<(string Event, JsonElement Data)> ReadAsync(StreamReader reader)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        string? type = null;
        while (true)
        {
            var line = await reader.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException();
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                type = line[7..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                return (type!, JsonDocument.Parse(line[6..]).RootElement.Clone());
            }
        }
    }
}
