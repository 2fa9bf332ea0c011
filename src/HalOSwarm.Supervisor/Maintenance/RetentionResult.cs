namespace HalOSwarm.Supervisor.Maintenance;

/// <summary>
/// What one retention pass did: events deleted, old events kept because something still needs them, and the archive
/// file the deleted ones went to (null when not archived or nothing was deleted).
/// </summary>
internal sealed record RetentionResult(int Deleted, int Kept, string? ArchivePath);
