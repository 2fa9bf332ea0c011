namespace HalOSwarm.Ctl.Api;

/// <summary>One outbox delivery (<c>GET /api/v1/channels/deliveries</c>).</summary>
internal sealed record DeliveryDto
{
    public long Id { get; init; }

    public long AlertId { get; init; }

    public string Target { get; init; } = "";

    public string Op { get; init; } = "";

    public string State { get; init; } = "";

    public int Attempts { get; init; }

    public DateTimeOffset NextAttemptAt { get; init; }

    public string? LastError { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? DeliveredAt { get; init; }

    public string Rule { get; init; } = "";

    public string EventType { get; init; } = "";

    public string Title { get; init; } = "";
}
