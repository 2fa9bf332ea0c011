namespace HalOSwarm.Supervisor.Storage.Sqlite;

/// <summary>Where the configuration put the database file, resolved to an absolute path.</summary>
internal sealed record SupervisorPaths(string DatabasePath);
