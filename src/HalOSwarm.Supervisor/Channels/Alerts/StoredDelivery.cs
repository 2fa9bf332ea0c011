namespace HalOSwarm.Supervisor.Channels.Alerts;

/// <summary>A <c>channel_deliveries</c> row: a post or update of one alert to one target, and how it went.</summary>
internal sealed record StoredDelivery(long Id, string Target, string Op, string State, int Attempts, string? LastError, string? MessageRef);
