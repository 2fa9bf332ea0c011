using System.Text.Json.Serialization;
using HalOSwarm.Supervisor.Api;

namespace HalOSwarm.Supervisor.Governance;

/// <summary>The charter API's serializers (the API's settings) and the <c>charter.violation</c> event's data.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, AllowDuplicateProperties = false)]
[JsonSerializable(typeof(ApiEnvelope<IReadOnlyList<CharterView>>))]
[JsonSerializable(typeof(CharterViolationData))]
internal sealed partial class GovernanceJsonContext : JsonSerializerContext;
