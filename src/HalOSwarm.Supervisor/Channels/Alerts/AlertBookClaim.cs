using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Channels.Alerts;

/// <summary>Sets an alert's answer columns where they are still empty: the first claim wins.</summary>
internal sealed record AlertBookClaim(long AlertId, string Action, string Actor, string By, string Platform, DateTimeOffset At) : AwaitedWrite<AlertClaim>;
