using System.Text.Json;

namespace HalOSwarm.Integration.Tests.Harness;

internal static class JsonExtensions
{
    public static string Str(this JsonElement element, string name) =>
        element.GetProperty(name).GetString() ?? "";

    public static long Long(this JsonElement element, string name) => element.GetProperty(name).GetInt64();

    public static JsonElement Data(this JsonElement evt) => evt.GetProperty("data");

    /// <summary>The concatenated text of a session's <c>message.delta</c> events for one message.</summary>
    public static string DeltaText(this IEnumerable<JsonElement> events, string messageId) =>
        string.Concat(events
            .Where(e => e.Str("type") == "message.delta" && e.Data().Str("message_id") == messageId)
            .Select(e => e.Data().Str("text")));

    public static List<JsonElement> OfType(this IEnumerable<JsonElement> events, string type) =>
        events.Where(e => e.Str("type") == type).ToList();
}
