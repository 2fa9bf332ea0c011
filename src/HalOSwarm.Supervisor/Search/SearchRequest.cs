namespace HalOSwarm.Supervisor.Search;

/// <summary>One page of a search: the parsed query, its filters (all optional; since inclusive, until exclusive), and where the page starts.</summary>
internal sealed record SearchRequest
{
    public const int DefaultLimit = 20;

    public const int MaxLimit = 100;

    public required SearchQuery Query { get; init; }

    public string? Project { get; init; }

    public string? SessionId { get; init; }

    public string? NodeId { get; init; }

    public DateTimeOffset? Since { get; init; }

    public DateTimeOffset? Until { get; init; }

    public int Limit { get; init; } = DefaultLimit;

    /// <summary>Only hits of events older than this event id (the previous page's <see cref="SearchPage.NextBefore"/>).</summary>
    public long? Before { get; init; }
}
