using System.Globalization;
using System.Text.Json;

namespace HalOSwarm.Agent.Runtimes.OpenCode;

/// <summary>Tolerant readers for opencode's JSON: a missing or mistyped field is null, never an exception.</summary>
internal static class Json
{
    public static JsonElement? Get(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    public static JsonElement? Get(this JsonElement? element, string name) => element?.Get(name);

    public static string? Str(this JsonElement? element) => element is { ValueKind: JsonValueKind.String } e ? e.GetString() : null;

    public static string? Str(this JsonElement element, string name) => element.Get(name).Str();

    public static long? Long(this JsonElement? element) =>
        element is { ValueKind: JsonValueKind.Number } e && e.TryGetInt64(out var v) ? v
        : element is { ValueKind: JsonValueKind.Number } d ? (long)d.GetDouble()
        : null;

    public static decimal? Decimal(this JsonElement? element) =>
        element is { ValueKind: JsonValueKind.Number } e && e.TryGetDecimal(out var v) ? v : null;

    public static bool IsTrue(this JsonElement? element) => element is { ValueKind: JsonValueKind.True };

    /// <summary>opencode times are Unix milliseconds.</summary>
    public static DateTimeOffset? UnixMs(this JsonElement? element) =>
        element.Long() is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;

    public static IReadOnlyList<string> Strings(this JsonElement? element) =>
        element is { ValueKind: JsonValueKind.Array } array
            ? [.. array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)]
            : [];

    public static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static IEnumerable<JsonElement> Items(this JsonElement element) =>
        element.ValueKind == JsonValueKind.Array ? element.EnumerateArray() : [];
}
