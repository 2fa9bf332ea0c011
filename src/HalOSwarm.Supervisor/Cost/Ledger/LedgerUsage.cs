using System.Text.Json;

namespace HalOSwarm.Supervisor.Cost.Ledger;

/// <summary>
/// The fields of a <c>usage</c> event the ledger books, read straight off its UTF-8 JSON with a forward-only reader (no
/// document, no copy of <c>raw</c>, and it stops once the four fields it books are read): it runs on the writer's
/// thread for every usage event. A missing or mistyped field
/// is null or zero; a negative count or cost is zero.
/// </summary>
internal struct LedgerUsage
{
    public string? Provider;
    public string? Model;
    public long Input;
    public long Output;
    public long Reasoning;
    public long CacheRead;
    public long CacheWrite;
    public decimal CostUsd;

    /// <summary>Reads <paramref name="data"/>; false when it is not a JSON object (nothing is booked).</summary>
    /// <param name="names">Provider and model names seen before, reused instead of a new string per event.</param>
    public static bool TryRead(ReadOnlySpan<byte> data, LedgerNames names, out LedgerUsage usage)
    {
        usage = default;
        try
        {
            var reader = new Utf8JsonReader(data);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }
            var found = 0; // a bit per field read: once all four are, the rest (raw, often the largest part) is not scanned
            while (found != 0b1111 && reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("provider"u8))
                {
                    reader.Read();
                    usage.Provider = reader.TokenType == JsonTokenType.String ? names.Get(ref reader) : null;
                    found |= 1;
                }
                else if (reader.ValueTextEquals("model"u8))
                {
                    reader.Read();
                    usage.Model = reader.TokenType == JsonTokenType.String ? names.Get(ref reader) : null;
                    found |= 2;
                }
                else if (reader.ValueTextEquals("cost_usd"u8))
                {
                    reader.Read();
                    usage.CostUsd = reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var cost) && cost > 0 ? cost : 0;
                    found |= 4;
                }
                else if (reader.ValueTextEquals("tokens"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        ReadTokens(ref reader, ref usage);
                    }
                    else
                    {
                        reader.Skip();
                    }
                    found |= 8;
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static void ReadTokens(ref Utf8JsonReader reader, ref LedgerUsage usage)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            ref var field = ref usage.Input;
            if (reader.ValueTextEquals("input"u8))
            {
                field = ref usage.Input;
            }
            else if (reader.ValueTextEquals("output"u8))
            {
                field = ref usage.Output;
            }
            else if (reader.ValueTextEquals("reasoning"u8))
            {
                field = ref usage.Reasoning;
            }
            else if (reader.ValueTextEquals("cache_read"u8))
            {
                field = ref usage.CacheRead;
            }
            else if (reader.ValueTextEquals("cache_write"u8))
            {
                field = ref usage.CacheWrite;
            }
            else
            {
                reader.Read();
                reader.Skip();
                continue;
            }
            reader.Read();
            field = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var count) && count > 0 ? count : 0;
        }
    }
}
