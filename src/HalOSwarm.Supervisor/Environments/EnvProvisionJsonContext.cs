using System.Text.Json.Serialization;
using HalOSwarm.Supervisor.Api;

namespace HalOSwarm.Supervisor.Environments;

/// <summary>The provisioning API's serializers (the API's settings), its events' data and its audit args.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowDuplicateProperties = false)]
[JsonSerializable(typeof(ApiEnvelope<IReadOnlyList<EnvProvisionResult>>))]
[JsonSerializable(typeof(ApiEnvelope<IReadOnlyList<EnvSyncResult>>))]
[JsonSerializable(typeof(ApiEnvelope<IReadOnlyList<EnvProposal>>))]
[JsonSerializable(typeof(ApiEnvelope<EnvDecisionResult>))]
[JsonSerializable(typeof(EnvProvisionRequest))]
[JsonSerializable(typeof(EnvProposalData))]
[JsonSerializable(typeof(EnvProvisionedData))]
[JsonSerializable(typeof(EnvAuditArgs))]
internal sealed partial class EnvProvisionJsonContext : JsonSerializerContext;
