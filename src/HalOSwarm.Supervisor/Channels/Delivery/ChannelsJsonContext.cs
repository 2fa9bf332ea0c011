using System.Text.Json.Serialization;
using HalOSwarm.Supervisor.Api;

namespace HalOSwarm.Supervisor.Channels.Delivery;

/// <summary>The channels API's serializers, with the API's settings.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, AllowDuplicateProperties = false)]
[JsonSerializable(typeof(ApiEnvelope<ChannelsOverview>))]
[JsonSerializable(typeof(ApiEnvelope<IReadOnlyList<DeliveryView>>))]
[JsonSerializable(typeof(ApiEnvelope<AlertDetail>))]
internal sealed partial class ChannelsJsonContext : JsonSerializerContext;
