using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Channels.Alerts;

/// <summary>Claims and completes every open alert of a permission request answered elsewhere; the result is how many.</summary>
internal sealed record AlertBookAnswerElsewhere(string ApprovalId, string Outcome, DateTimeOffset At) : AwaitedWrite<int>;
