using System.Text.Json.Serialization;
using HalOSwarm.Supervisor.Api;

namespace HalOSwarm.Supervisor.Credentials;

/// <summary>The credentials API's serializers (the API's settings), the stored args and the sealed secret.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, AllowDuplicateProperties = false)]
[JsonSerializable(typeof(CredentialPushRequest))]
[JsonSerializable(typeof(ApiEnvelope<CredentialPushResult>))]
[JsonSerializable(typeof(ApiEnvelope<IReadOnlyList<CredentialView>>))]
[JsonSerializable(typeof(ApiEnvelope<IReadOnlyList<NodeCredentialSync>>))]
[JsonSerializable(typeof(CredentialPushArgs))]
[JsonSerializable(typeof(CredentialSecret))]
[JsonSerializable(typeof(CredentialWireArgs))]
[JsonSerializable(typeof(CredentialAuditArgs))]
internal sealed partial class CredentialsJsonContext : JsonSerializerContext;
