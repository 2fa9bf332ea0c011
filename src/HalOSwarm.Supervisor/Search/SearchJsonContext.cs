using System.Text.Json.Serialization;
using HalOSwarm.Supervisor.Api;

namespace HalOSwarm.Supervisor.Search;

/// <summary>The search API's serializers, with the API's settings (snake_case, every field written).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, AllowDuplicateProperties = false)]
[JsonSerializable(typeof(ApiEnvelope<IReadOnlyList<SearchHit>>))]
internal sealed partial class SearchJsonContext : JsonSerializerContext;
