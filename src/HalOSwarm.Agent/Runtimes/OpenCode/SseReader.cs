using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace HalOSwarm.Agent.Runtimes.OpenCode;

/// <summary>The JSON <c>data</c> of a server-sent-events stream (opencode's /event and /global/event); items that are not JSON are skipped.</summary>
internal static class SseReader
{
    public static async IAsyncEnumerable<JsonElement> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in SseParser.Create(stream, static (_, data) => TryParse(data)).EnumerateAsync(cancellationToken))
        {
            if (item.Data is { } json)
            {
                yield return json;
            }
        }
    }

    private static JsonElement? TryParse(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return null;
        }
        try
        {
            var reader = new Utf8JsonReader(data);
            return JsonElement.ParseValue(ref reader);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
