using System.Text.Json.Serialization;

namespace HalOSwarm.Supervisor.Api;

/// <summary>Every error: <c>{"error", "code", "details"?}</c>.</summary>
internal sealed record ApiError(
    string Error,
    string Code,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ApiErrorDetails? Details = null);
