using System.Text.Json.Serialization;

namespace HalOSwarm.Supervisor.Api;

internal sealed record HealthStatus(
    string Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Components = null);
