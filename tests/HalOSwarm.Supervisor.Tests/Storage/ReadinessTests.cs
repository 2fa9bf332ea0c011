using HalOSwarm.Supervisor.Tests.Support;

namespace HalOSwarm.Supervisor.Tests.Storage;

public sealed class ReadinessTests
{
    [Fact]
    public async Task Readyz_DatabaseLockedExclusively_503ThenRecovers()
    {
        await using var host = await SupervisorHost.StartAsync();
        Assert.Equal(200, (await host.GetAsync("/readyz")).Status);

        await using (await host.LockDatabaseAsync())
        {
            var (status, body) = await host.GetAsync("/readyz");

            Assert.Equal(503, status);
            Assert.Equal("not_ready", body.GetProperty("code").GetString());
            Assert.StartsWith("not writable", body.GetProperty("details").GetProperty("components").GetProperty("database").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(200, (await host.GetAsync("/readyz")).Status);
    }
}
