namespace HalOSwarm.Supervisor.Storage.Sqlite;

/// <summary>
/// Where the configuration put the SQLite file (resolved to an absolute path; unused on PostgreSQL), and the folder
/// the supervisor's own files go to by default: the file's folder on SQLite, the config file's on PostgreSQL.
/// </summary>
internal sealed record SupervisorPaths(string DatabasePath, string DataFolder)
{
    public SupervisorPaths(string databasePath)
        : this(databasePath, Path.GetDirectoryName(databasePath) is { Length: > 0 } folder ? folder : ".")
    {
    }
}
