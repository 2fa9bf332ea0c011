using HalOSwarm.Supervisor.Commands;

namespace HalOSwarm.Supervisor.Audit;

/// <summary>
/// Who changed what, for every command and every change made through the API, CLI, chat or policies.
/// Arguments are redacted before they are stored.
/// </summary>
internal interface IAuditLog
{
    Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>Writes a finished command's outcome and duration into the entry recorded when it was submitted.</summary>
    Task CompleteCommandAsync(CommandDto command, CancellationToken cancellationToken);
}
