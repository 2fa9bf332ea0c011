using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using HalOSwarm.Bench.Report;

namespace HalOSwarm.Bench.Target;

/// <summary>
/// The supervisor under test: either one the bench started (own temp dir, SQLite file or PostgreSQL database, free
/// ports, killed at dispose) or one given by URLs. <see cref="Pid"/> and <see cref="Store"/> are null when unknown.
/// Supervisors the bench started beside it on the same PostgreSQL database are its <see cref="Peers"/>, stopped with it.
/// </summary>
internal sealed class SupervisorTarget : IAsyncDisposable
{
    private readonly Process? _process;
    private readonly string? _directory;
    private readonly bool _keepFiles;
    private readonly StreamWriter? _log;

    private readonly List<SupervisorTarget> _peers = [];
    private Func<Task>? _dropDatabase;

    private SupervisorTarget(Uri agentUrl, Uri apiUrl, string token, BenchStore? store, int? pid, Process? process = null, string? directory = null, bool keepFiles = false, StreamWriter? log = null)
    {
        AgentUrl = agentUrl;
        ApiUrl = apiUrl;
        Token = token;
        Store = store;
        Pid = pid;
        _process = process;
        _directory = directory;
        _keepFiles = keepFiles;
        _log = log;
    }

    public Uri AgentUrl { get; }

    public Uri ApiUrl { get; }

    public string Token { get; }

    /// <summary>Where it keeps its data, when known (a supervisor given by URL: <c>--db</c>).</summary>
    public BenchStore? Store { get; }

    /// <summary>The SQLite file, for the scenarios that read it directly; null on PostgreSQL.</summary>
    public string? DatabasePath => Store?.SqlitePath;

    /// <summary>Other supervisors started on the same database; they share <see cref="Token"/>.</summary>
    public IReadOnlyList<SupervisorTarget> Peers => _peers;

    /// <summary>This supervisor and its peers, in start order.</summary>
    public IReadOnlyList<SupervisorTarget> All => [this, .. _peers];

    public int? Pid { get; }

    public string? LogPath => _directory is null ? null : Path.Combine(_directory, "supervisor.log");

    public static SupervisorTarget External(Uri agentUrl, Uri apiUrl, string token, string? databasePath, int? pid) =>
        new(agentUrl, apiUrl, token, databasePath is null ? null : BenchStore.Sqlite(databasePath), pid);

    /// <summary>
    /// Starts <paramref name="count"/> supervisors on <paramref name="settings"/>'s PostgreSQL database, one after the
    /// other (the first one migrates it); the first is returned with the others as its peers. <paramref name="dropDatabase"/>
    /// runs once all of them are stopped.
    /// </summary>
    public static async Task<SupervisorTarget> StartGroupAsync(LaunchSettings settings, int count, Func<Task> dropDatabase, CancellationToken cancellationToken)
    {
        var token = NewToken();
        SupervisorTarget? first = null;
        try
        {
            first = await StartAsync(settings, token, cancellationToken);
            first._dropDatabase = dropDatabase;
            for (var i = 1; i < count; i++)
            {
                first._peers.Add(await StartAsync(settings, token, cancellationToken));
            }
            return first;
        }
        catch
        {
            if (first is not null)
            {
                await first.DisposeAsync();
            }
            else
            {
                await dropDatabase();
            }
            throw;
        }
    }

    public static Task<SupervisorTarget> StartAsync(LaunchSettings settings, CancellationToken cancellationToken) =>
        StartAsync(settings, NewToken(), cancellationToken);

    private static string NewToken() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    private static async Task<SupervisorTarget> StartAsync(LaunchSettings settings, string token, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("hal-bench-").FullName;
        var agentPort = FreePort();
        var httpPort = FreePort();
        var database = Path.Combine(directory, "supervisor.db");
        var config = Path.Combine(directory, "supervisor.json");
        var (section, store) = settings.PostgresDatabase is { } postgres
            ? (new DatabaseSection(null, Provider: BenchDatabases.Postgres, ConnectionString: postgres, PoolSize: 20), BenchStore.Postgres(postgres))
            : (new DatabaseSection(database, settings.Synchronous), BenchStore.Sqlite(database));
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new SupervisorConfigFile(
            new ServerSection(agentPort, httpPort, "127.0.0.1", token, settings.HeartbeatIntervalSec, settings.HeartbeatTimeoutCount),
            section,
            new LoggingSection(settings.LogLevel), settings.Channels), BenchJsonContext.Default.SupervisorConfigFile), cancellationToken);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        foreach (var arg in new[] { settings.SupervisorDll, "--config", config })
        {
            start.ArgumentList.Add(arg);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet " + settings.SupervisorDll);
        var log = new StreamWriter(Path.Combine(directory, "supervisor.log")) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => WriteLog(log, e.Data);
        process.ErrorDataReceived += (_, e) => WriteLog(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var target = new SupervisorTarget(
            new Uri($"ws://127.0.0.1:{agentPort}/ws/agent"), new Uri($"http://127.0.0.1:{httpPort}/"), token, store, process.Id, process, directory, settings.KeepFiles, log);
        try
        {
            await target.WaitReadyAsync(process, cancellationToken);
            return target;
        }
        catch
        {
            await target.DisposeAsync();
            throw;
        }
    }

    public HttpClient CreateApiClient(TimeSpan timeout)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(30) };
        var http = new HttpClient(handler) { BaseAddress = ApiUrl, Timeout = timeout };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return http;
    }

    private async Task WaitReadyAsync(Process process, CancellationToken cancellationToken)
    {
        using var http = CreateApiClient(TimeSpan.FromSeconds(2));
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"hal-supervisor exited with {process.ExitCode} before it was ready; see {LogPath}");
            }
            try
            {
                using var response = await http.GetAsync("readyz", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
            }
            await Task.Delay(100, cancellationToken);
        }
        throw new TimeoutException($"hal-supervisor not ready after 30 s; see {LogPath}");
    }

    private static void WriteLog(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (log)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // A last line after the bench stopped the supervisor.
            }
        }
    }

    // Below Linux's ephemeral range (32768+), so no outgoing connection can take the port before the
    // supervisor binds it; checked by binding.
    private static int FreePort()
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var port = Random.Shared.Next(20000, 32000);
            try
            {
                using var listener = new TcpListener(IPAddress.Any, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
            }
        }
        throw new InvalidOperationException("no free port found in 20000-32000");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var peer in _peers)
        {
            await peer.DisposeAsync();
        }
        await StopAsync();
        if (_dropDatabase is { } drop)
        {
            try
            {
                await drop();
            }
            catch (Npgsql.NpgsqlException)
            {
                // The server went away meanwhile: its database goes with it.
            }
        }
    }

    private async Task StopAsync()
    {
        if (_process is { } process)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            process.Dispose();
        }
        if (_log is { } log)
        {
            lock (log)
            {
                log.Dispose();
            }
        }
        if (_directory is not null && !_keepFiles)
        {
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
