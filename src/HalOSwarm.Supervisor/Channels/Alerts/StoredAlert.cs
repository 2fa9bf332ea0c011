namespace HalOSwarm.Supervisor.Channels.Alerts;

/// <summary>A <c>channel_alerts</c> row as read back: the alert (with its answer, if any) and its deliveries.</summary>
internal sealed record StoredAlert(long Id, string DedupKey, Alert Alert, DateTimeOffset CreatedAt, IReadOnlyList<StoredDelivery> Deliveries);
