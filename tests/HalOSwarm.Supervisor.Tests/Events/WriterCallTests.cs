using HalOSwarm.Supervisor.Events;
using HalOSwarm.Supervisor.Tests.Support;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.Tests.Events;

public sealed class WriterCallTests
{
    [Fact]
    public async Task RunInWriter_CommitsWithTheWriter_AndAFailingCallRollsBackOnlyItself()
    {
        await using var host = await SupervisorHost.StartAsync();
        var sink = host.Service<IEventSink>();

        await sink.RunInWriterAsync((connection, transaction) => Insert(connection, transaction, 1), CancellationToken.None);
        var failing = sink.RunInWriterAsync((connection, transaction) =>
        {
            Insert(connection, transaction, 2);
            throw new InvalidOperationException("nope");
        }, CancellationToken.None);
        var after = sink.RunInWriterAsync((connection, transaction) => Insert(connection, transaction, 3), CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        await after;
        await using var reader = new SqliteConnection($"Data Source={host.DatabasePath}");
        await reader.OpenAsync();
        using var query = reader.CreateCommand();
        query.CommandText = "SELECT group_concat(id) FROM (SELECT id FROM health_probe WHERE id < 10 ORDER BY id)";
        Assert.Equal("1,3", (string?)await query.ExecuteScalarAsync());
    }

    private static void Insert(SqliteConnection connection, SqliteTransaction transaction, int id)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO health_probe (id, checked_at) VALUES ($id, 'x')";
        command.Parameters.AddWithValue("$id", id);
        command.ExecuteNonQuery();
    }
}
