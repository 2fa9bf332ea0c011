using Npgsql;

namespace HalOSwarm.Testing.Postgres;

/// <summary>
/// The PostgreSQL server the tests may use: <c>HAL_TEST_POSTGRES</c>, a connection string to its maintenance database
/// (<c>./dev test</c> starts a throwaway cluster and sets it). <c>HAL_TEST_DATABASE=postgres</c> makes the composed
/// supervisor tests run on it instead of SQLite.
/// </summary>
public static class TestPostgres
{
    public const string ServerVariable = "HAL_TEST_POSTGRES";
    public const string ProviderVariable = "HAL_TEST_DATABASE";

    /// <summary>The maintenance connection string, or null when no server is given.</summary>
    public static string? AdminConnectionString => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } value ? value : null;

    public static bool IsAvailable => AdminConnectionString is not null;

    /// <summary>True when the suite runs on PostgreSQL (<c>HAL_TEST_DATABASE=postgres</c>).</summary>
    public static bool IsSelected =>
        string.Equals(Environment.GetEnvironmentVariable(ProviderVariable), "postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why a PostgreSQL test cannot run here, or null when it can.</summary>
    public static string? SkipReason => IsAvailable ? null : $"no PostgreSQL server: set {ServerVariable} (./dev test starts one)";

    /// <summary>A new, empty database of the test's own; disposing it drops it.</summary>
    public static async Task<TestPostgresDatabase> CreateDatabaseAsync()
    {
        var admin = AdminConnectionString ?? throw new InvalidOperationException(SkipReason);
        var name = $"hal_test_{Guid.NewGuid():N}"[..30];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestPostgresDatabase(admin, name, builder.ConnectionString);
    }
}
