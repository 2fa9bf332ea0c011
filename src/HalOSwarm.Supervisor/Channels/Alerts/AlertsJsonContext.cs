using System.Text.Json.Serialization;

namespace HalOSwarm.Supervisor.Channels.Alerts;

/// <summary>The alert as stored in <c>channel_alerts.alert</c> and as the webhook and the API show it (snake_case).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Alert))]
internal sealed partial class AlertsJsonContext : JsonSerializerContext;
