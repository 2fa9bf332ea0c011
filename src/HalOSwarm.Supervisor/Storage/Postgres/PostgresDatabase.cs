using System.Data.Common;
using HalOSwarm.Supervisor.Configuration;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HalOSwarm.Supervisor.Storage.Postgres;

/// <summary>
/// The supervisor's PostgreSQL database (<c>database.provider: postgres</c>): one pooled data source over
/// <c>database.connection_string</c> with at most <c>database.pool_size</c> connections, shared by the writer and every
/// reader. Several supervisors may share the database.
/// </summary>
internal sealed class PostgresDatabase : IDatabase, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    public PostgresDatabase(IOptions<DatabaseOptions> options)
    {
        var builder = new NpgsqlConnectionStringBuilder(options.Value.ConnectionString)
        {
            MaxPoolSize = options.Value.PoolSize,
            ApplicationName = "hal-supervisor",
        };
        Location = Describe(builder);
        _dataSource = new NpgsqlDataSourceBuilder(builder.ConnectionString).Build();
    }

    public string Provider => StorageProviders.Postgres;

    public string Location { get; }

    public NpgsqlDataSource DataSource => _dataSource;

    public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) => await _dataSource.OpenConnectionAsync(cancellationToken);

    public NpgsqlConnection OpenConnection() => _dataSource.OpenConnection();

    public long SizeBytes()
    {
        try
        {
            using var connection = _dataSource.OpenConnection();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT pg_database_size(current_database())";
            return (long)command.ExecuteScalar()!;
        }
        catch (NpgsqlException)
        {
            return 0;
        }
    }

    /// <summary>host:port/database as user: what a log or an error may say about a connection string (never its password).</summary>
    public static string Describe(NpgsqlConnectionStringBuilder builder) =>
        $"postgres://{builder.Username}@{builder.Host}:{builder.Port}/{builder.Database}";

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
