using HalOSwarm.Integration.Tests.Harness;
using HalOSwarm.Testing;
using HalOSwarm.Testing.Processes;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Integration.Tests;

/// <summary>
/// The acceptance case of the backup as written: taken while hal-bench writes to the built supervisor, the backup,
/// restored, passes integrity_check and holds every event acknowledged before it began. An agent is acknowledged only
/// up to its node's durable seq, which moves in the same transaction as the events, so every node's durable seq read
/// just before the backup bounds what any agent had been told was stored.
/// </summary>
public sealed class BackupUnderBenchTests
{
    private static string BenchDll =>
        Path.Combine(RepoPaths.Root, "bench", "HalOSwarm.Bench", "bin", RepoPaths.Configuration, "net10.0", "hal-bench.dll");

    [Fact]
    public async Task Backup_WhileHalBenchWrites_RestoredCopyPassesIntegrityAndHoldsEveryEventAckedBeforeItBegan()
    {
        await using var cluster = await HalCluster.StartAsync(new ClusterOptions { WithAgent = false });
        await using var bench = TestProcess.StartDotnet("hal-bench", BenchDll,
        [
            "-s", "throughput", "--agents", "4", "--sessions", "2", "--duration", "8", "--rate", "3000",
            "--agent-url", $"ws://127.0.0.1:{cluster.AgentPort}/ws/agent", "--api-url", cluster.SupervisorUrl,
            "--token", HalCluster.Token, "--db", cluster.SupervisorDb,
        ], workingDirectory: cluster.Dir.Path);
        await HalCluster.WaitUntilAsync(async () => (await DurableSeqsAsync(cluster.SupervisorDb)).Values.Sum() > 2000,
            TimeSpan.FromSeconds(60), "hal-bench's events stored", () => bench.Output);
        var backupFile = cluster.Dir.Combine("backups", "under-bench.db");

        var ackedBefore = await DurableSeqsAsync(cluster.SupervisorDb);
        await using var backup = TestProcess.StartDotnet("hal-supervisor backup", RepoPaths.Supervisor,
            ["backup", "--to", backupFile, "--config", cluster.SupervisorConfig], workingDirectory: cluster.Dir.Path);
        var backupExit = await backup.WaitForExitAsync(TimeSpan.FromSeconds(60));
        var stillWriting = !bench.HasExited;
        var benchExit = await bench.WaitForExitAsync(TimeSpan.FromSeconds(120));

        Assert.True(backupExit == 0, backup.Output);
        Assert.True(stillWriting, "hal-bench had finished before the backup did:\n" + bench.Output);
        Assert.True(benchExit == 0, bench.Output);
        var restoredDb = cluster.Dir.Combine("restored", "supervisor.db");
        var restoredConfig = cluster.Dir.Combine("restored", "supervisor.config.json");
        Directory.CreateDirectory(Path.GetDirectoryName(restoredDb)!);
        await File.WriteAllTextAsync(restoredConfig, $$"""{ "server": { "auth_token": "{{HalCluster.Token}}" }, "database": { "path": "{{restoredDb}}" } }""");
        await using var restore = TestProcess.StartDotnet("hal-supervisor restore", RepoPaths.Supervisor,
            ["restore", "--from", backupFile, "--config", restoredConfig], workingDirectory: cluster.Dir.Path);
        Assert.True(await restore.WaitForExitAsync(TimeSpan.FromSeconds(60)) == 0, restore.Output);

        await using var restored = new SqliteConnection($"Data Source={restoredDb};Mode=ReadOnly;Pooling=False");
        await restored.OpenAsync();
        Assert.Equal("ok", await ScalarAsync<string>(restored, "PRAGMA integrity_check"));
        Assert.Equal(4, ackedBefore.Count);
        foreach (var (node, acked) in ackedBefore)
        {
            // Seqs 1..acked, each once.
            var held = await ScalarAsync<long>(restored, $"SELECT count(DISTINCT seq) FROM events WHERE node_id = '{node}' AND seq BETWEEN 1 AND {acked}");
            var rows = await ScalarAsync<long>(restored, $"SELECT count(*) FROM events WHERE node_id = '{node}' AND seq BETWEEN 1 AND {acked}");
            Assert.True(held == acked && rows == acked, $"{node}: acked {acked} before the backup, the backup holds {held} distinct seqs in {rows} rows");
        }
    }

    private static async Task<Dictionary<string, long>> DurableSeqsAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT node_id, durable_seq FROM nodes WHERE durable_seq > 0";
        var seqs = new Dictionary<string, long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            seqs[reader.GetString(0)] = reader.GetInt64(1);
        }
        return seqs;
    }

    private static async Task<T> ScalarAsync<T>(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
