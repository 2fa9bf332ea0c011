using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Channels.Delivery;

/// <summary>
/// What came of one attempt at a delivery: <see cref="State"/> <c>delivered</c> (with the post's message reference),
/// <c>failed</c>, or <c>pending</c> again at <see cref="NextAttemptAt"/> (a retry, or the wait a 429 asked for).
/// </summary>
internal sealed record DeliveryOutcome(long Id, string State, int Attempts, DateTimeOffset NextAttemptAt, string? Error, string? MessageRef,
    DateTimeOffset? DeliveredAt) : AwaitedWrite;
