using System.Text.Json;
using System.Text.Json.Serialization;
using HalOSwarm.Supervisor.Dependencies;

namespace HalOSwarm.Supervisor.Policies;

/// <summary>Serializers for the events the policies and the dependency scheduler record, and their command arguments.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PolicyEventData))]
[JsonSerializable(typeof(DependencyTriggeredData))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class PolicyJsonContext : JsonSerializerContext;
