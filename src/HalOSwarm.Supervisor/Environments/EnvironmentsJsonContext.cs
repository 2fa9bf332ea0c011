using System.Text.Json.Serialization;
using HalOSwarm.Supervisor.Api;

namespace HalOSwarm.Supervisor.Environments;

/// <summary>The environments' event data and API responses (snake_case, every field written).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, AllowDuplicateProperties = false)]
[JsonSerializable(typeof(EnvCheckFailedData))]
[JsonSerializable(typeof(EnvDriftDetectedData))]
[JsonSerializable(typeof(EnvCheckRequest))]
[JsonSerializable(typeof(ApiEnvelope<IReadOnlyList<EnvStatusRow>>))]
[JsonSerializable(typeof(ApiEnvelope<IReadOnlyList<EnvNodeReport>>))]
[JsonSerializable(typeof(ApiEnvelope<EnvAgentsMdView>))]
[JsonSerializable(typeof(ApiEnvelope<EnvAgentsMdDiff>))]
internal sealed partial class EnvironmentsJsonContext : JsonSerializerContext;
