namespace HalOSwarm.Ctl.Api;

/// <summary>One group: the dimensions it was grouped by (the others are absent) and its amounts.</summary>
internal sealed record CostRowDto(long Messages, long PricedMessages, CostTokensDto Tokens, decimal CostUsd, decimal EquivalentUsd)
{
    public string? Project { get; init; }

    public string? Model { get; init; }

    public string? NodeId { get; init; }

    public string? Provider { get; init; }

    public string? Account { get; init; }

    public string? SessionId { get; init; }

    /// <summary>The value of a <c>group_by</c> dimension.</summary>
    public string? Dimension(string name) => name switch
    {
        "project" => Project,
        "model" => Model,
        "node" => NodeId,
        "provider" => Provider,
        "account" => Account,
        "session" => SessionId,
        _ => null,
    };
}
