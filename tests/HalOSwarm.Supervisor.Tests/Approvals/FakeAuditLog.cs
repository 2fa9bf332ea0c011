using System.Collections.Concurrent;
using HalOSwarm.Supervisor.Audit;
using HalOSwarm.Supervisor.Commands;

namespace HalOSwarm.Supervisor.Tests.Approvals;

/// <summary>Keeps the audit entries written.</summary>
internal sealed class FakeAuditLog : IAuditLog
{
    public ConcurrentQueue<AuditEntry> Entries { get; } = new();

    public Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        Entries.Enqueue(entry);
        return Task.CompletedTask;
    }

    public Task CompleteCommandAsync(CommandDto command, CancellationToken cancellationToken) => Task.CompletedTask;
}
