using HalOSwarm.Supervisor.Commands;
using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Audit;

/// <summary>Write a finished command's outcome and duration into the audit entry that recorded it.</summary>
internal sealed record AuditComplete(CommandDto Command) : AwaitedWrite;
