using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Tests.Support;
using HalOSwarm.Testing.Postgres;

namespace HalOSwarm.Supervisor.Tests.Events;

/// <summary>
/// Events the database refuses: nothing is acked past them, the writer keeps trying (and says so), and once the cause is
/// gone they are stored once, in order, with what followed them.
/// </summary>
public sealed class StorageFailureTests
{
    [Fact]
    public async Task EventsRefusedByTheDatabase_NothingAckedUntilTheCauseIsGone_ThenEachStoredOnce()
    {
        await using var host = await SupervisorHost.StartAsync();
        var agent = await TestAgent.ConnectAsync(host, "node-f");
        await agent.SendEventsAsync(Ev.Range(1, 4));
        await agent.WaitForAckAsync(4);

        // From now on the database refuses the node's seq 5 (as a broken disk page or a constraint would).
        await RunSqlAsync(host, TestPostgres.IsSelected
            ? """
              CREATE FUNCTION hal_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
              BEGIN IF NEW.node_id = 'node-f' AND NEW.seq = 5 THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$;
              CREATE TRIGGER hal_test_refuse BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION hal_test_refuse();
              """
            : "CREATE TRIGGER hal_test_refuse BEFORE INSERT ON events WHEN NEW.node_id = 'node-f' AND NEW.seq = 5 BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;");
        await agent.SendEventsAsync(Ev.Range(5, 8));
        await agent.SendEventsAsync(Ev.Range(9, 12));

        var writer = host.Service<HalOSwarm.Supervisor.Storage.Writing.StorageWriter>();
        await SupervisorHost.WaitUntilAsync(() => Task.FromResult(writer.Health.StartsWith("cannot commit", StringComparison.Ordinal)),
            "the writer to report that it cannot commit");
        Assert.Contains("refused by the test", writer.Health, StringComparison.Ordinal);
        Assert.Equal([1L, 2, 3, 4], await StoredSeqsAsync(host));
        Assert.Equal(4, (await host.GetDataAsync("/api/v1/nodes/node-f")).GetProperty("durable_seq").GetInt64());

        // The cause removed, the retried batch goes through: everything acked, each event stored once.
        await RunSqlAsync(host, "DROP TRIGGER hal_test_refuse" + (TestPostgres.IsSelected ? " ON events" : ""));
        await agent.WaitForAckAsync(12, timeoutMs: 20_000);
        Assert.Equal(Enumerable.Range(1, 12).Select(i => (long)i), await StoredSeqsAsync(host));
        Assert.Equal("ok", writer.Health);
        await agent.DisposeAsync();
    }

    private static async Task RunSqlAsync(SupervisorHost host, string sql)
    {
        await using var connection = await host.OpenDatabaseAsync(readOnly: false);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<long>> StoredSeqsAsync(SupervisorHost host) =>
        [.. (await host.GetDataAsync("/api/v1/events?node_id=node-f&limit=100")).EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() == EventTypes.MessageDelta)
            .Select(e => e.GetProperty("seq").GetInt64()).Order()];
}
