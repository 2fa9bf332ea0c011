using System.Text.Json;
using HalOSwarm.Supervisor.Commands;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Writing;
using HalOSwarm.Supervisor.Tests.Support;

namespace HalOSwarm.Supervisor.Tests.Storage;

public sealed class StorageWriterTests
{
    [Fact]
    public async Task AwaitedWrite_HandlerFails_OnlyThatOpIsUndoneAndItsCallerHearsWhy()
    {
        await using var host = await SupervisorHost.StartAsync();
        var writer = host.Service<IStorageWriter>();

        var (first, created) = await writer.WriteAsync(new CommandInsert(Command("cmd_w1"), null), CancellationToken.None);
        // The same command id again breaks the primary key: that insert fails, the ones around it in the batch stand.
        var duplicate = writer.WriteAsync(new CommandInsert(Command("cmd_w1") with { Type = "abort" }, null), CancellationToken.None);
        var after = writer.WriteAsync(new CommandInsert(Command("cmd_w2"), null), CancellationToken.None);

        Assert.True(DbErrors.IsUniqueViolation(await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => duplicate)));
        await after;
        Assert.True(created);
        Assert.Equal("cmd_w1", first.CommandId);
        await using var reader = await host.OpenDatabaseAsync();
        using var query = reader.CreateCommand();
        query.CommandText = "SELECT command_id || ':' || type FROM commands WHERE command_id LIKE 'cmd_w%' ORDER BY command_id";
        var rows = new List<string>();
        await using (var read = await query.ExecuteReaderAsync())
        {
            while (await read.ReadAsync())
            {
                rows.Add(read.GetString(0));
            }
        }
        Assert.Equal(["cmd_w1:kill", "cmd_w2:kill"], rows);
    }

    private static CommandDto Command(string id) =>
        new(id, "kill", "node-w", "ses_w", null, JsonDocument.Parse("{}").RootElement, CommandStates.Pending, null, null, null, Ev.T0, Ev.T0);
}
