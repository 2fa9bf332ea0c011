using System.Net;
using System.Text.Json;
using HalOSwarm.Integration.Tests.Harness;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Integration.Tests;

public sealed class ReadinessTests
{
    [Fact]
    public async Task Readyz_DatabaseLockedByAnotherWriter_Returns503NamingDatabaseThenRecovers()
    {
        await using var cluster = await HalCluster.StartAsync(new ClusterOptions { WithAgent = false });
        using (var healthy = await cluster.Api.GetAsync("readyz"))
        {
            Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        }

        await using (var blocker = new SqliteConnection($"Data Source={cluster.SupervisorDb};Pooling=False"))
        {
            await blocker.OpenAsync();
            await using var begin = blocker.CreateCommand();
            begin.CommandText = "BEGIN EXCLUSIVE";
            await begin.ExecuteNonQueryAsync();

            using var locked = await cluster.Api.GetAsync("readyz");
            var body = await locked.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, locked.StatusCode);
            using var doc = JsonDocument.Parse(body);
            Assert.Equal("not_ready", doc.RootElement.GetProperty("code").GetString());
            Assert.Contains("database", doc.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);

            using var alive = await cluster.Api.GetAsync("healthz");
            Assert.Equal(HttpStatusCode.OK, alive.StatusCode);

            await using var rollback = blocker.CreateCommand();
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync();
        }

        using var recovered = await cluster.Api.GetAsync("readyz");
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
    }
}
