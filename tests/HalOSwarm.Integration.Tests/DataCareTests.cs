using System.Security.Cryptography;
using System.Text.Json.Nodes;
using HalOSwarm.Integration.Tests.Harness;
using HalOSwarm.Testing;
using HalOSwarm.Testing.Agents;
using HalOSwarm.Testing.Processes;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Integration.Tests;

/// <summary>
/// The database procedures of docs/OPERATIONS.md ("Database: integrity, backup, restore, retention") against the built
/// hal-supervisor and halctl: online backups while an agent writes, restore, and the integrity refusal at start.
/// </summary>
public sealed class DataCareTests
{
    private const string NodeId = "node-load";

    [Fact]
    public async Task Backup_WhileAnAgentWrites_RestoredCopyPassesIntegrityAndHoldsEveryEventAckedBeforeIt()
    {
        await using var cluster = await HalCluster.StartAsync(new ClusterOptions { WithAgent = false });
        await using var load = await EventLoad.StartAsync(cluster.AgentPort);
        await load.WaitForAckedAsync(1000);
        var serverBackup = cluster.Dir.Combine("backups", "server.db");
        var apiBackup = cluster.Dir.Combine("backups", "api.db");

        var ackedBeforeServer = load.Acked;
        await using var backup = TestProcess.StartDotnet("hal-supervisor backup", RepoPaths.Supervisor,
            ["backup", "--to", serverBackup, "--config", cluster.SupervisorConfig], workingDirectory: cluster.Dir.Path);
        var backupExit = await backup.WaitForExitAsync(TimeSpan.FromSeconds(60));
        var ackedBeforeApi = load.Acked;
        var ctl = await cluster.CtlAsync("admin", "backup", "--to", apiBackup);
        var ackedAfter = load.Acked;
        await load.WaitForAckedAsync(ackedAfter + 500); // the agent kept writing throughout
        await load.StopAsync();

        Assert.True(backupExit == 0, backup.Output);
        Assert.Contains($"to {serverBackup}", backup.Output, StringComparison.Ordinal);
        Assert.True(ctl.ExitCode == 0, ctl.ToString());
        Assert.Contains($"backup written to {apiBackup}", ctl.StdOut, StringComparison.Ordinal);
        var restoredConfig = await WriteConfigAsync(cluster, "restored.db");
        await using var restore = TestProcess.StartDotnet("hal-supervisor restore", RepoPaths.Supervisor,
            ["restore", "--from", serverBackup, "--config", restoredConfig], workingDirectory: cluster.Dir.Path);
        Assert.True(await restore.WaitForExitAsync(TimeSpan.FromSeconds(60)) == 0, restore.Output);
        await AssertHoldsAsync(cluster.Dir.Combine("restored.db"), ackedBeforeServer);
        await AssertHoldsAsync(apiBackup, ackedBeforeApi);
        Assert.False(File.Exists(serverBackup + ".partial"));
        Assert.Empty(Directory.GetFiles(cluster.Dir.Path, "supervisor.db.api-backup-*")); // the API's copy is gone once sent
    }

    [Fact]
    public async Task Restore_OverTheDatabase_RefusedWhileRunningThenReplacesItKeepingTheOldOneAside()
    {
        await using var cluster = await HalCluster.StartAsync(new ClusterOptions { WithAgent = false });
        await using var load = await EventLoad.StartAsync(cluster.AgentPort);
        await load.WaitForAckedAsync(200);
        var backupFile = cluster.Dir.Combine("backup.db");
        var ackedBeforeBackup = load.Acked;
        var backup = await RunAsync(["backup", "--to", backupFile, "--config", cluster.SupervisorConfig], cluster.Dir.Path);
        Assert.True(backup.Exit == 0, backup.Output);
        var ackedAtBackup = load.Acked;
        await load.WaitForAckedAsync(ackedAtBackup + 200);
        await load.StopAsync();

        var whileRunning = await RunAsync(["restore", "--from", backupFile, "--config", cluster.SupervisorConfig], cluster.Dir.Path);
        await cluster.Supervisor!.StopAsync();
        var stopped = await RunAsync(["restore", "--from", backupFile, "--config", cluster.SupervisorConfig], cluster.Dir.Path);
        await cluster.StartSupervisorAsync();
        var node = (await cluster.GetDataAsync("api/v1/nodes")).EnumerateArray().Single(n => n.GetProperty("node_id").GetString() == NodeId);

        Assert.Equal(1, whileRunning.Exit);
        Assert.Contains("is in use", whileRunning.Output, StringComparison.Ordinal);
        Assert.True(stopped.Exit == 0, stopped.Output);
        var aside = Directory.GetFiles(cluster.Dir.Path, "supervisor.db.before-restore-*").Single(f => !f.EndsWith("-wal", StringComparison.Ordinal) && !f.EndsWith("-shm", StringComparison.Ordinal));
        Assert.Contains($"kept as {aside}", stopped.Output, StringComparison.Ordinal);
        Assert.True(await MaxSeqAsync(aside) > await MaxSeqAsync(backupFile), "the replaced database keeps the events written after the backup");
        // The restored database is the backup: the node's durable seq is what it was then.
        Assert.Equal(await MaxSeqAsync(backupFile), node.GetProperty("durable_seq").GetInt64());
        Assert.True(node.GetProperty("durable_seq").GetInt64() >= ackedBeforeBackup);
    }

    [Fact]
    public async Task Start_DamagedDatabase_RefusedWithExit3TheFileAndTheRecoverySteps_ThenRestoreRecovers()
    {
        await using var cluster = await HalCluster.StartAsync(new ClusterOptions { WithAgent = false });
        await using (var load = await EventLoad.StartAsync(cluster.AgentPort))
        {
            await load.WaitForAckedAsync(300);
            await load.StopAsync();
        }
        var backupFile = cluster.Dir.Combine("good.db");
        Assert.Equal(0, (await RunAsync(["backup", "--to", backupFile, "--config", cluster.SupervisorConfig], cluster.Dir.Path)).Exit);
        await cluster.Supervisor!.StopAsync();
        Damage(cluster.SupervisorDb);
        var damaged = await HashAsync(cluster.SupervisorDb);

        var refused = await RunAsync(["--config", cluster.SupervisorConfig], cluster.Dir.Path);
        var unchanged = await HashAsync(cluster.SupervisorDb);
        var restored = await RunAsync(["restore", "--from", backupFile, "--config", cluster.SupervisorConfig], cluster.Dir.Path);
        await cluster.StartSupervisorAsync();

        Assert.True(refused.Exit == 3, refused.Output);
        Assert.Contains($"database '{cluster.SupervisorDb}' failed its integrity check", refused.Output, StringComparison.Ordinal);
        Assert.Contains("docs/OPERATIONS.md", refused.Output, StringComparison.Ordinal);
        Assert.Contains("hal-supervisor restore --from BACKUP_FILE", refused.Output, StringComparison.Ordinal);
        Assert.Equal(damaged, unchanged);
        Assert.True(restored.Exit == 0, restored.Output);
        var nodes = await cluster.GetDataAsync("api/v1/nodes");
        Assert.Contains(nodes.EnumerateArray(), n => n.GetProperty("node_id").GetString() == NodeId);
    }

    [Fact]
    public async Task Recover_DamagedDatabaseWithoutBackup_Sqlite3DumpThenRestore_SupervisorStartsWithTheNode()
    {
        await using var cluster = await HalCluster.StartAsync(new ClusterOptions { WithAgent = false });
        await using (var load = await EventLoad.StartAsync(cluster.AgentPort))
        {
            await load.WaitForAckedAsync(300);
            await load.StopAsync();
        }
        await cluster.Supervisor!.StopAsync();
        Damage(cluster.SupervisorDb);
        Assert.Equal(3, (await RunAsync(["--config", cluster.SupervisorConfig], cluster.Dir.Path)).Exit);

        // OPERATIONS.md, recovery step 3, as written (run in the database's folder).
        await using var salvage = TestProcess.Start("sqlite3 .dump", "/bin/sh", ["-c", "sqlite3 supervisor.db .dump | sed 's/^ROLLBACK; -- due to errors$/COMMIT;/' | sqlite3 recovered.db"],
            workingDirectory: cluster.Dir.Path);
        Assert.Equal(0, await salvage.WaitForExitAsync(TimeSpan.FromSeconds(120)));
        var restored = await RunAsync(["restore", "--from", "recovered.db", "--config", cluster.SupervisorConfig], cluster.Dir.Path);
        Assert.True(restored.Exit == 0, salvage.Output + restored.Output);
        await cluster.StartSupervisorAsync();

        var nodes = await cluster.GetDataAsync("api/v1/nodes");
        Assert.Contains(nodes.EnumerateArray(), n => n.GetProperty("node_id").GetString() == NodeId);
    }

    [Fact]
    public async Task Restore_DamagedBackup_RefusedWithExit3AndNothingChanged()
    {
        using var dir = new TempDirectory("hal-restore-bad");
        var backupFile = dir.Combine("bad.db");
        await using (var connection = new SqliteConnection($"Data Source={backupFile};Pooling=False"))
        {
            await connection.OpenAsync();
            using var create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE t (x TEXT); " + string.Concat(Enumerable.Range(0, 2000).Select(i => $"INSERT INTO t VALUES ('{new string('x', 200)}{i}');"))
                + "CREATE INDEX ix_t ON t (x);";
            await create.ExecuteNonQueryAsync();
        }
        Damage(backupFile);
        var config = dir.Combine("supervisor.config.json");
        await File.WriteAllTextAsync(config, """{"server":{"auth_token":"test-token-0123456789"},"database":{"path":"supervisor.db"}}""");

        var result = await RunAsync(["restore", "--from", backupFile, "--config", config], dir.Path);

        Assert.True(result.Exit == 3, result.Output);
        Assert.Contains($"'{backupFile}' failed its integrity check", result.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.Combine("supervisor.db")));
    }

    /// <summary>Overwrites pages in the middle of the file with noise, as a bad disk block would.</summary>
    private static void Damage(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        var noise = new byte[4096 * 4];
        new Random(42).NextBytes(noise);
        file.Position = Math.Min(4096 * 3, file.Length / 2);
        file.Write(noise);
    }

    private static async Task<string> HashAsync(string path) => Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(path)));

    private static async Task<(int Exit, string Output)> RunAsync(string[] args, string workingDirectory)
    {
        await using var process = TestProcess.StartDotnet("hal-supervisor " + args[0], RepoPaths.Supervisor, args, workingDirectory: workingDirectory);
        var exit = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return (exit, process.Output);
    }

    private static async Task<string> WriteConfigAsync(HalCluster cluster, string databasePath)
    {
        var config = JsonNode.Parse(await File.ReadAllTextAsync(cluster.SupervisorConfig))!;
        config["database"]!["path"] = databasePath;
        var path = cluster.Dir.Combine("restored.config.json");
        await File.WriteAllTextAsync(path, config.ToJsonString());
        return path;
    }

    /// <summary>The file passes <c>PRAGMA integrity_check</c> and holds the node's events 1..<paramref name="acked"/>, each once.</summary>
    private static async Task AssertHoldsAsync(string path, long acked)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", (string?)await check.ExecuteScalarAsync());
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*), count(DISTINCT seq), min(seq) FROM events WHERE node_id = $n AND seq <= $acked";
        count.Parameters.AddWithValue("$n", NodeId);
        count.Parameters.AddWithValue("$acked", acked);
        using var reader = await count.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(acked, reader.GetInt64(0));
        Assert.Equal(acked, reader.GetInt64(1));
        Assert.Equal(1, reader.GetInt64(2));
    }

    private static async Task<long> MaxSeqAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT max(seq) FROM events WHERE node_id = $n";
        command.Parameters.AddWithValue("$n", NodeId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A protocol-speaking agent that sends events in frames of 50 and records the highest seq acknowledged.</summary>
    private sealed class EventLoad : IAsyncDisposable
    {
        private readonly RawAgentClient _client = new(NodeId);
        private readonly CancellationTokenSource _stop = new();
        private Task _loop = Task.CompletedTask;
        private long _acked;

        public long Acked => Interlocked.Read(ref _acked);

        public static async Task<EventLoad> StartAsync(int agentPort)
        {
            var load = new EventLoad();
            await load._client.ConnectAsync(agentPort, HalCluster.Token);
            await load._client.HandshakeAsync();
            load._loop = Task.Run(() => load.RunAsync(load._stop.Token));
            return load;
        }

        public async Task WaitForAckedAsync(long seq)
        {
            await HalCluster.WaitUntilAsync(() => Task.FromResult(_loop.IsCompleted || Acked >= seq), TimeSpan.FromSeconds(60), $"ack of seq {seq}");
            if (_loop.IsFaulted)
            {
                await _loop; // the load's own failure says more than a missing ack
            }
        }

        public async Task StopAsync()
        {
            await _stop.CancelAsync();
            try
            {
                await _loop;
            }
            catch (OperationCanceledException)
            {
            }
        }

        private async Task RunAsync(CancellationToken cancellationToken)
        {
            var seq = 0L;
            while (!cancellationToken.IsCancellationRequested)
            {
                await _client.SendEventsAsync("ses_load", Enumerable.Range(1, 50).Select(i => seq + i), cancellationToken);
                seq += 50;
                var acked = await _client.WaitForAckAsync(seq, TimeSpan.FromSeconds(30));
                Interlocked.Exchange(ref _acked, acked);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await StopAsync();
            await _client.DisposeAsync();
            _stop.Dispose();
        }
    }
}
