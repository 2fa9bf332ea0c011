using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Audit;

/// <summary>Record one audit entry at <paramref name="At"/>; completes once it is committed.</summary>
internal sealed record AuditInsert(AuditEntry Entry, DateTimeOffset At) : AwaitedWrite;
