using HalOSwarm.Protocol.Environments;
using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Environments;

/// <summary>
/// Stores <paramref name="Report"/> as the latest check of its project on <paramref name="NodeId"/> and, in the same
/// transaction, the <c>env.check.failed</c> / <c>env.drift.detected</c> events the change from the previous report calls
/// for; completes with the event types recorded.
/// </summary>
internal sealed record EnvReportWrite(string NodeId, EnvCheckReport Report, DateTimeOffset At, string Actor) : AwaitedWrite<IReadOnlyList<string>>;
