using HalOSwarm.Supervisor.Channels.Alerts;

namespace HalOSwarm.Supervisor.Channels.Delivery;

/// <summary><c>GET /api/v1/channels/alerts/{alertId}</c>: the alert with its answer, and every delivery of it.</summary>
internal sealed record AlertDetail(Alert Alert, IReadOnlyList<DeliveryView> Deliveries);
