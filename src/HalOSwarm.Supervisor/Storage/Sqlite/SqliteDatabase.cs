using System.Data.Common;
using HalOSwarm.Supervisor.Configuration;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Storage.Sqlite;

/// <summary>
/// Opens connections to the supervisor's SQLite file; every reader and the writer get their own. Disposing it closes the
/// idle pooled connections of this file only (never every pool of the process: clearing another file's pool can dispose
/// a connection someone has just opened from it).
/// </summary>
internal sealed class SqliteDatabase : IDatabase, IDisposable
{
    private readonly string _connectionString;
    private readonly int _busyTimeoutMs;

    public SqliteDatabase(IOptions<DatabaseOptions> options, SupervisorPaths paths)
    {
        FilePath = paths.DatabasePath;
        _busyTimeoutMs = options.Value.BusyTimeoutMs;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = Math.Max(1, _busyTimeoutMs / 1000),
        }.ToString();
    }

    public string FilePath { get; }

    public void Dispose()
    {
        using var pooled = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(pooled);
    }

    public string Provider => StorageProviders.Sqlite;

    public string Location => FilePath;

    public long SizeBytes() => FileSize(FilePath) + FileSize(FilePath + "-wal");

    private static long FileSize(string path)
    {
        var file = new FileInfo(path);
        return file.Exists ? file.Length : 0;
    }

    async Task<DbConnection> IDatabase.OpenConnectionAsync(CancellationToken cancellationToken) => await OpenAsync(cancellationToken);

    public Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => OpenAsync(_busyTimeoutMs, cancellationToken);

    /// <summary>Opens a connection whose lock waits give up after <paramref name="busyTimeoutMs"/>.</summary>
    public async Task<SqliteConnection> OpenAsync(int busyTimeoutMs, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            using var pragma = connection.CreateCommand();
            pragma.CommandText = $"PRAGMA busy_timeout = {busyTimeoutMs}; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = OFF;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
