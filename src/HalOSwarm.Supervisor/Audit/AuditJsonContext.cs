using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace HalOSwarm.Supervisor.Audit;

/// <summary>Serializers for audit arguments.</summary>
[JsonSerializable(typeof(JsonNode))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class AuditJsonContext : JsonSerializerContext;
