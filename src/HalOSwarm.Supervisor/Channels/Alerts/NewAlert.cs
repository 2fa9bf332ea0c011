namespace HalOSwarm.Supervisor.Channels.Alerts;

/// <summary>An alert the router made, to be stored once under <see cref="DedupKey"/> with one post delivery per target.</summary>
internal sealed record NewAlert(string DedupKey, Alert Alert, IReadOnlyList<string> Targets);
