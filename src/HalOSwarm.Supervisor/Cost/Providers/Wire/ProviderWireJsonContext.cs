using System.Text.Json.Serialization;

namespace HalOSwarm.Supervisor.Cost.Providers.Wire;

/// <summary>The providers' report shapes (snake_case; unknown fields ignored, as both providers add fields over time).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(AnthropicReport<AnthropicUsageResult>))]
[JsonSerializable(typeof(AnthropicReport<AnthropicCostResult>))]
[JsonSerializable(typeof(OpenAIPage<OpenAIUsageResult>))]
[JsonSerializable(typeof(OpenAIPage<OpenAICostResult>))]
internal sealed partial class ProviderWireJsonContext : JsonSerializerContext;
