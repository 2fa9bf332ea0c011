using System.Text.Json.Serialization;

namespace HalOSwarm.Supervisor.Api;

internal sealed record ApiMeta
{
    public static readonly ApiMeta Empty = new();

    /// <summary>Present only when there is a next page.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? NextCursor { get; init; }
}
