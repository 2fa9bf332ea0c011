using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Tokens;

/// <summary>Mark token <paramref name="Id"/> revoked; completes with false when it already was.</summary>
internal sealed record TokenRevoke(string Id, DateTimeOffset At, string By) : AwaitedWrite<bool>;
