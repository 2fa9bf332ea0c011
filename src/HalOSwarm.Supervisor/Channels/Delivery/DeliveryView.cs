namespace HalOSwarm.Supervisor.Channels.Delivery;

/// <summary>One delivery as the API lists it, with its alert's rule, event type and title.</summary>
internal sealed record DeliveryView
{
    public long Id { get; init; }

    public long AlertId { get; init; }

    public required string Target { get; init; }

    public required string Op { get; init; }

    public required string State { get; init; }

    public int Attempts { get; init; }

    public DateTimeOffset NextAttemptAt { get; init; }

    /// <summary>Why the last attempt failed (secrets scrubbed); null once delivered at the first try.</summary>
    public string? LastError { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? DeliveredAt { get; init; }

    public required string Rule { get; init; }

    public required string EventType { get; init; }

    public required string Title { get; init; }
}
