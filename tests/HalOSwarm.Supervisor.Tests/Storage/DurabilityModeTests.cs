using HalOSwarm.Supervisor.Hosting;
using HalOSwarm.Supervisor.Tests.Support;
using HalOSwarm.Testing;

namespace HalOSwarm.Supervisor.Tests.Storage;

public sealed class DurabilityModeTests
{
    [Fact]
    public async Task Validate_UnknownSynchronousMode_ReportedWithItsKey()
    {
        using var temp = new TempDirectory("hal-cfg");
        var path = temp.Combine("supervisor.config.json");
        await File.WriteAllTextAsync(path, """{"server":{"auth_token":"0123456789abcdef0123"},"database":{"synchronous":"sometimes"}}""");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await SupervisorCommand.RunAsync(["--config", path, "--validate"], output, error);

        Assert.NotEqual(0, code);
        Assert.Contains("database.synchronous: 'sometimes' is not one of 'normal', 'full'", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FullSynchronous_EventsAreAckedOnceStored()
    {
        await using var host = await SupervisorHost.StartAsync(c => c["database"]!["synchronous"] = "full");
        await using var agent = await TestAgent.ConnectAsync(host, "node-full");

        await agent.SendEventsAsync(Ev.Range(1, 20));
        await agent.WaitForAckAsync(20);

        var events = await host.GetDataAsync("/api/v1/events?node_id=node-full&type=message.delta&limit=100");
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), events.EnumerateArray().Select(e => e.GetProperty("seq").GetInt64()).Order());
    }
}
