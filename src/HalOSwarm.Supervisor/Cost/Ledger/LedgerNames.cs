using System.Text;
using System.Text.Json;

namespace HalOSwarm.Supervisor.Cost.Ledger;

/// <summary>
/// The provider and model names the ledger has read, kept by their UTF-8 bytes: the same few names come in every
/// usage event, so a name is decoded once, not once per event. Bounded; names longer than 256 bytes are cut off at
/// 256 characters and not kept.
/// </summary>
internal sealed class LedgerNames
{
    private const int Limit = 4096;
    private const int MaxChars = 256;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

    public LedgerNames() => _lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The string at the reader's position (a JSON string token).</summary>
    public string Get(ref Utf8JsonReader reader)
    {
        if (reader.HasValueSequence || reader.ValueIsEscaped || reader.ValueSpan.Length > MaxChars)
        {
            var text = reader.GetString()!;
            return text.Length > MaxChars ? text[..MaxChars] : text;
        }
        Span<char> chars = stackalloc char[MaxChars];
        var count = Encoding.UTF8.GetChars(reader.ValueSpan, chars);
        if (_lookup.TryGetValue(chars[..count], out var known))
        {
            return known;
        }
        if (_names.Count >= Limit)
        {
            _names.Clear();
        }
        var name = new string(chars[..count]);
        _names[name] = name;
        return name;
    }
}
