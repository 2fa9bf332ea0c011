using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace HalOSwarm.Agent.Runtimes.OpenCode;

/// <summary>Reads a server-sent-events stream of JSON <c>data:</c> items (opencode's /event and /global/event).</summary>
internal static class SseReader
{
    public static async IAsyncEnumerable<JsonElement> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Length > 0 && TryParse(data.ToString()) is { } item)
                {
                    yield return item;
                }
                data.Clear();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                if (data.Length > 0)
                {
                    data.Append('\n');
                }
                data.Append(line.AsSpan(line.Length > 5 && line[5] == ' ' ? 6 : 5));
            }
        }
        if (data.Length > 0 && TryParse(data.ToString()) is { } last)
        {
            yield return last;
        }
    }

    private static JsonElement? TryParse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
