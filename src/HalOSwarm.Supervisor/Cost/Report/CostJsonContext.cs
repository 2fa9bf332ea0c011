using System.Text.Json.Serialization;
using HalOSwarm.Supervisor.Api;

namespace HalOSwarm.Supervisor.Cost.Report;

/// <summary>The cost report's serializers, with the API's settings (snake_case, every field written, duplicates refused).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, AllowDuplicateProperties = false)]
[JsonSerializable(typeof(ApiEnvelope<CostReport>))]
internal sealed partial class CostJsonContext : JsonSerializerContext;
