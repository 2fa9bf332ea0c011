using System.Text.Json.Serialization;

namespace HalOSwarm.Supervisor.Channels.Webhooks;

/// <summary>The webhook's body: snake_case like the API, nulls left out like the stored alert.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WebhookBody))]
internal sealed partial class WebhookJsonContext : JsonSerializerContext;
