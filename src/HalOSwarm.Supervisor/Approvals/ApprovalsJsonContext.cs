using System.Text.Json.Serialization;

namespace HalOSwarm.Supervisor.Approvals;

/// <summary>Serializers for the approvals' stored columns, command arguments and event data (snake_case).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(NeedsInputData))]
[JsonSerializable(typeof(ApprovalDecisionData))]
[JsonSerializable(typeof(PermissionReplyArgs))]
internal sealed partial class ApprovalsJsonContext : JsonSerializerContext;
