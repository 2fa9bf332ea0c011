using System.Text.Json.Serialization;

namespace HalOSwarm.Supervisor.Cost.Providers.Wire;

/// <summary>The usage report's nested cache-write tokens, by cache lifetime.</summary>
internal sealed record AnthropicCacheCreation
{
    [JsonPropertyName("ephemeral_1h_input_tokens")]
    public long Ephemeral1hInputTokens { get; init; }

    [JsonPropertyName("ephemeral_5m_input_tokens")]
    public long Ephemeral5mInputTokens { get; init; }
}
