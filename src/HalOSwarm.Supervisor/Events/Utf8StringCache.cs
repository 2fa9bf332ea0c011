using System.Text;
using System.Text.Json;

namespace HalOSwarm.Supervisor.Events;

/// <summary>
/// Returns the same string for the same short UTF-8 value (event types, session ids), so a frame of a hundred events
/// of one session allocates its strings once. Bounded: it starts over past <see cref="Limit"/> entries.
/// </summary>
internal sealed class Utf8StringCache
{
    private const int Limit = 4096;
    private const int MaxLength = 128;
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public Utf8StringCache() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The current string token of <paramref name="reader"/>.</summary>
    public string Get(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence || reader.ValueSpan.Length > MaxLength)
        {
            return reader.GetString()!;
        }
        Span<char> chars = stackalloc char[MaxLength];
        var count = Encoding.UTF8.GetChars(reader.ValueSpan, chars);
        if (_lookup.TryGetValue(chars[..count], out var known))
        {
            return known;
        }
        if (_strings.Count >= Limit)
        {
            _strings.Clear();
        }
        var value = new string(chars[..count]);
        _strings[value] = value;
        return value;
    }
}
