namespace HalOSwarm.Supervisor.Storage.Sqlite;

/// <summary>A finished restore: the database now in place, and where the one it replaced went (null when there was none).</summary>
internal sealed record RestoreResult(string DatabasePath, string? MovedAside);
