using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Channels.Alerts;

/// <summary>Records a claimed alert's outcome and queues an <c>update</c> delivery for each of its posts not failed.</summary>
internal sealed record AlertBookComplete(long AlertId, string Outcome, DateTimeOffset At) : AwaitedWrite<Alert>;
