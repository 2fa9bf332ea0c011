using System.Text.Json;
using System.Text.Json.Serialization;
using HalOSwarm.Supervisor.Approvals;
using HalOSwarm.Supervisor.Audit;
using HalOSwarm.Supervisor.Commands;
using HalOSwarm.Supervisor.Events;
using HalOSwarm.Supervisor.Nodes;
using HalOSwarm.Supervisor.Sessions;

namespace HalOSwarm.Supervisor.Api;

/// <summary>
/// Source-generated serializers for the HTTP API: snake_case; nulls are written so every field is always present; a
/// request body that names a property twice is refused (which of the two counts would otherwise be a guess).
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, AllowDuplicateProperties = false)]
[JsonSerializable(typeof(ApiError))]
[JsonSerializable(typeof(ApiEnvelope<IReadOnlyList<NodeDto>>))]
[JsonSerializable(typeof(ApiEnvelope<IReadOnlyList<HalOSwarm.Supervisor.Cluster.SupervisorDto>>))]
[JsonSerializable(typeof(ApiEnvelope<NodeDto>))]
[JsonSerializable(typeof(ApiEnvelope<IReadOnlyList<SessionDto>>))]
[JsonSerializable(typeof(ApiEnvelope<SessionDto>))]
[JsonSerializable(typeof(ApiEnvelope<IReadOnlyList<StoredEvent>>))]
[JsonSerializable(typeof(ApiEnvelope<CommandDto>))]
[JsonSerializable(typeof(ApiEnvelope<IReadOnlyList<CommandDto>>))]
[JsonSerializable(typeof(ApiEnvelope<IReadOnlyList<AuditRecord>>))]
[JsonSerializable(typeof(CommandBody))]
[JsonSerializable(typeof(RestartResult))]
[JsonSerializable(typeof(ApiEnvelope<HealthStatus>))]
[JsonSerializable(typeof(StartRequest))]
[JsonSerializable(typeof(StartArgs))]
[JsonSerializable(typeof(AdoptRequest))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(PromptRequest))]
[JsonSerializable(typeof(RestartRequest))]
[JsonSerializable(typeof(ApiEnvelope<IReadOnlyList<ApprovalDto>>))]
[JsonSerializable(typeof(ApiEnvelope<ApprovalDto>))]
[JsonSerializable(typeof(ApproveRequest))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
