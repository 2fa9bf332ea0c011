namespace HalOSwarm.Supervisor.Channels.Delivery;

/// <summary>The deliveries list's filters: newest first, before <see cref="BeforeId"/> when paging.</summary>
internal sealed record DeliveryFilter(string? State, string? Target, long? AlertId, int Limit, long? BeforeId);
