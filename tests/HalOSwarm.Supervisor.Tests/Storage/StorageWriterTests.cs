using System.Text.Json;
using HalOSwarm.Supervisor.Commands;
using HalOSwarm.Supervisor.Storage.Writing;
using HalOSwarm.Supervisor.Tests.Support;
using Microsoft.Data.Sqlite;

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

        await Assert.ThrowsAsync<SqliteException>(() => duplicate);
        await after;
        Assert.True(created);
        Assert.Equal("cmd_w1", first.CommandId);
        await using var reader = new SqliteConnection($"Data Source={host.DatabasePath}");
        await reader.OpenAsync();
        using var query = reader.CreateCommand();
        query.CommandText = "SELECT group_concat(command_id || ':' || type) FROM (SELECT command_id, type FROM commands WHERE command_id LIKE 'cmd_w%' ORDER BY command_id)";
        Assert.Equal("cmd_w1:kill,cmd_w2:kill", (string?)await query.ExecuteScalarAsync());
    }

    private static CommandDto Command(string id) =>
        new(id, "kill", "node-w", "ses_w", null, JsonDocument.Parse("{}").RootElement, CommandStates.Pending, null, null, null, Ev.T0, Ev.T0);
}
