namespace HalOSwarm.Supervisor.Storage.Sqlite;

/// <summary>A finished backup: the file and its size.</summary>
internal sealed record BackupResult(string Path, long Bytes);
