using System.Text.Json.Serialization;

namespace HalOSwarm.Supervisor.Cost.Report;

/// <summary>One group of the report: the dimensions it was grouped by (only those are written) and its amounts.</summary>
internal sealed record CostRow
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Project { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Model { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? NodeId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Provider { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Account { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SessionId { get; init; }

    public required long Messages { get; init; }

    public required long PricedMessages { get; init; }

    public required CostTokens Tokens { get; init; }

    public required decimal CostUsd { get; init; }

    public required decimal EquivalentUsd { get; init; }
}
