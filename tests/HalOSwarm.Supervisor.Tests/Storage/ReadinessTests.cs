using HalOSwarm.Supervisor.Tests.Support;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.Tests.Storage;

public sealed class ReadinessTests
{
    [Fact]
    public async Task Readyz_DatabaseLockedExclusively_503ThenRecovers()
    {
        await using var host = await SupervisorHost.StartAsync();
        Assert.Equal(200, (await host.GetAsync("/readyz")).Status);

        await using (var locker = new SqliteConnection($"Data Source={host.DatabasePath};Pooling=False"))
        {
            await locker.OpenAsync();
            using var begin = locker.CreateCommand();
            begin.CommandText = "BEGIN EXCLUSIVE";
            await begin.ExecuteNonQueryAsync();

            var (status, body) = await host.GetAsync("/readyz");

            Assert.Equal(503, status);
            Assert.Equal("not_ready", body.GetProperty("code").GetString());
            Assert.StartsWith("not writable", body.GetProperty("details").GetProperty("components").GetProperty("database").GetString(), StringComparison.Ordinal);
            using var rollback = locker.CreateCommand();
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync();
        }

        Assert.Equal(200, (await host.GetAsync("/readyz")).Status);
    }
}
