using System.Text.Json;
using System.Text.Json.Serialization;
using HalOSwarm.Protocol.Environments;
using HalOSwarm.Protocol.Events;

namespace HalOSwarm.Protocol;

/// <summary>Source-generated serializers for everything on the agent socket: snake_case, nulls omitted.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = false)]
[JsonSerializable(typeof(Envelope))]
[JsonSerializable(typeof(Hello))]
[JsonSerializable(typeof(Welcome))]
[JsonSerializable(typeof(EventBatch))]
[JsonSerializable(typeof(AgentEvent))]
[JsonSerializable(typeof(Ack))]
[JsonSerializable(typeof(Replay))]
[JsonSerializable(typeof(Heartbeat))]
[JsonSerializable(typeof(CommandRequest))]
[JsonSerializable(typeof(CommandAccepted))]
[JsonSerializable(typeof(CommandResult))]
[JsonSerializable(typeof(SessionCreatedData))]
[JsonSerializable(typeof(SessionStatusData))]
[JsonSerializable(typeof(SessionRetryData))]
[JsonSerializable(typeof(SessionErrorData))]
[JsonSerializable(typeof(SessionActivityData))]
[JsonSerializable(typeof(WorktreeData))]
[JsonSerializable(typeof(RuntimeInfo))]
[JsonSerializable(typeof(IReadOnlyList<RuntimeInfo>))]
[JsonSerializable(typeof(SessionUpdatedData))]
[JsonSerializable(typeof(MessageDeltaData))]
[JsonSerializable(typeof(MessageCompletedData))]
[JsonSerializable(typeof(ToolStartedData))]
[JsonSerializable(typeof(ToolFinishedData))]
[JsonSerializable(typeof(UsageData))]
[JsonSerializable(typeof(PermissionAskedData))]
[JsonSerializable(typeof(PermissionRepliedData))]
[JsonSerializable(typeof(TaskProgressData))]
[JsonSerializable(typeof(NodeStatusData))]
[JsonSerializable(typeof(ProjectDoneData))]
[JsonSerializable(typeof(EnvCheckArgs))]
[JsonSerializable(typeof(EnvApplyArgs))]
[JsonSerializable(typeof(EnvCheckReport))]
[JsonSerializable(typeof(EnvApplyReport))]
[JsonSerializable(typeof(AuthStatusData))]
[JsonSerializable(typeof(AuthLoginData))]
[JsonSerializable(typeof(AuthCheckResult))]
[JsonSerializable(typeof(CredentialsStateData))]
[JsonSerializable(typeof(JsonElement))]
public sealed partial class ProtocolJsonContext : JsonSerializerContext;
