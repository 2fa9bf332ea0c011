using System.Text.Json.Serialization;
using HalOSwarm.Supervisor.Api;

namespace HalOSwarm.Supervisor.Cost.Providers;

/// <summary>The poll API's serializers, with the API's settings (snake_case, every field written).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, AllowDuplicateProperties = false)]
[JsonSerializable(typeof(ApiEnvelope<IReadOnlyList<ProviderPollStatus>>))]
internal sealed partial class ProviderPollJsonContext : JsonSerializerContext;
