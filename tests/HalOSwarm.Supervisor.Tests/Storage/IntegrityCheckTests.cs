using System.Text.Json.Nodes;
using HalOSwarm.Supervisor.Configuration;
using HalOSwarm.Supervisor.Storage.Sqlite;
using HalOSwarm.Supervisor.Tests.Support;
using HalOSwarm.Testing;

namespace HalOSwarm.Supervisor.Tests.Storage;

/// <summary><c>database.integrity_check</c> through the composed host on a real file.</summary>
public sealed class IntegrityCheckTests
{
    [Fact]
    public async Task IntegrityCheck_UnknownMode_RefusedWithItsKey()
    {
        var ex = await Assert.ThrowsAsync<ConfigurationProblemsException>(() => SupervisorHost.StartAsync(config =>
            config["database"]!["integrity_check"] = "sometimes"));

        Assert.Contains("database.integrity_check: 'sometimes' is not one of 'quick', 'full', 'off'", ex.Problems);
    }

    [SqliteOnlyTheory("damages the SQLite file; PostgreSQL keeps its own pages")]
    [InlineData("quick")]
    [InlineData("full")]
    [InlineData("true")]
    public async Task IntegrityCheck_DamagedFile_HostRefusesToStartNamingTheFileAndLeavesItAsFound(string mode)
    {
        using var dir = new TempDirectory("hal-integrity");
        await using (var first = await SupervisorHost.StartAsync(reuse: dir))
        {
            await using var agent = await TestAgent.ConnectAsync(first, "node-i");
            await agent.SendEventsAsync(Ev.Range(1, 500));
            await agent.WaitForAckAsync(500);
        }
        var path = dir.Combine("supervisor.db");
        await using (var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite))
        {
            var noise = new byte[4096 * 4];
            new Random(7).NextBytes(noise);
            file.Position = 4096 * 3;
            file.Write(noise);
        }
        var before = await File.ReadAllBytesAsync(path);

        var ex = await Assert.ThrowsAsync<DatabaseDamagedException>(() => SupervisorHost.StartAsync(config =>
            config["database"]!["integrity_check"] = mode, reuse: dir));

        Assert.Equal(path, ex.DatabasePath);
        Assert.NotEmpty(ex.Problems);
        Assert.Contains("hal-supervisor restore --from BACKUP_FILE", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(path));
    }
}
