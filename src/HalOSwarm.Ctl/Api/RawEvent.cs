using System.Text.Json;

namespace HalOSwarm.Ctl.Api;

/// <summary>An event both parsed (for the transcript) and as the server sent it (for JSON lines).</summary>
internal sealed record RawEvent(EventDto Value, JsonElement Json)
{
    public static IEnumerable<RawEvent> FromPage(ApiPage<IReadOnlyList<EventDto>> page) =>
        page.Value.Zip(page.Data.EnumerateArray(), (value, json) => new RawEvent(value, json));
}
