using HalOSwarm.Supervisor.Configuration;
using HalOSwarm.Supervisor.Storage.Sqlite;
using HalOSwarm.Testing;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Tests.Policies;

/// <summary>A migrated supervisor database in a temp directory.</summary>
internal sealed class TestDatabase : IDisposable
{
    private readonly TempDirectory _temp = new("hal-pol");

    private TestDatabase() =>
        Database = new SqliteDatabase(Options.Create(new DatabaseOptions()), new SupervisorPaths(_temp.Combine("supervisor.db")));

    public SqliteDatabase Database { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        var db = new TestDatabase();
        await using var connection = await db.Database.OpenAsync(CancellationToken.None);
        await MigrationRunner.ApplyAsync(connection, DateTimeOffset.UnixEpoch, CancellationToken.None);
        return db;
    }

    public void Dispose()
    {
        Database.Dispose();
        _temp.Dispose();
    }
}
