using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using HalOSwarm.Supervisor.Hosting;
using HalOSwarm.Testing;
using HalOSwarm.Testing.Postgres;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HalOSwarm.Supervisor.Tests.Support;

/// <summary>
/// The real composed supervisor on free ports with a SQLite file in a temp directory, or, when the suite runs on
/// PostgreSQL (<see cref="TestPostgres.IsSelected"/>), a database of its own on the tests' server.
/// </summary>
internal sealed class SupervisorHost : IAsyncDisposable
{
    public const string Token = "test-token-0123456789abcdef";
    private static readonly Dictionary<string, TestPostgresDatabase> s_reused = new(StringComparer.Ordinal);
    private static readonly SemaphoreSlim s_reusedGate = new(1, 1);
    private readonly TempDirectory _temp;
    private readonly bool _ownsTemp;

    private SupervisorHost(TempDirectory temp, bool ownsTemp, WebApplication app, int port, int httpPort, TestPostgresDatabase? postgres)
    {
        Postgres = postgres;
        _temp = temp;
        _ownsTemp = ownsTemp;
        App = app;
        Port = port;
        HttpPort = httpPort;
        Api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromSeconds(30) };
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
    }

    public WebApplication App { get; }

    /// <summary>The host's PostgreSQL database when the suite runs on PostgreSQL; null on SQLite.</summary>
    public TestPostgresDatabase? Postgres { get; }

    public int Port { get; }

    public int HttpPort { get; }

    public HttpClient Api { get; }

    public string Directory => _temp.Path;

    /// <summary>The SQLite file (on PostgreSQL there is none: use <see cref="OpenDatabaseAsync"/>).</summary>
    public string DatabasePath => _temp.Combine("supervisor.db");

    /// <summary>
    /// An open connection of the test's own to the host's database, whichever the provider: for what a test reads (or
    /// plants) behind the supervisor's back. Queries on it must read the same on SQLite and PostgreSQL.
    /// </summary>
    public async Task<System.Data.Common.DbConnection> OpenDatabaseAsync(bool readOnly = true)
    {
        System.Data.Common.DbConnection connection = Postgres is { } postgres
            ? new Npgsql.NpgsqlConnection(postgres.ConnectionString)
            : new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DatabasePath};Pooling=False;Default Timeout=30{(readOnly ? ";Mode=ReadOnly" : "")}");
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>
    /// Holds the database's write lock from a connection of the test's own until disposed (then rolls back): SQLite's
    /// exclusive transaction; on PostgreSQL an exclusive lock on the tables a hello, an event and the health probe write.
    /// </summary>
    public async Task<IAsyncDisposable> LockDatabaseAsync()
    {
        var connection = await OpenDatabaseAsync(readOnly: false);
        using var begin = connection.CreateCommand();
        begin.CommandText = Postgres is null
            ? "BEGIN EXCLUSIVE"
            : "BEGIN; LOCK TABLE health_probe, nodes, node_projects, sessions, events, commands IN EXCLUSIVE MODE";
        await begin.ExecuteNonQueryAsync();
        return new HeldLock(connection);
    }

    private sealed class HeldLock(System.Data.Common.DbConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            using (var rollback = connection.CreateCommand())
            {
                rollback.CommandText = "ROLLBACK";
                await rollback.ExecuteNonQueryAsync();
            }
            await connection.DisposeAsync();
        }
    }

    public Uri AgentUri => new($"ws://127.0.0.1:{Port}/ws/agent");

    public T Service<T>() where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>
    /// Starts the host on <paramref name="configure"/>d config; <paramref name="timeProvider"/> (a FakeTimeProvider) replaces
    /// the clock of the whole process when given; <paramref name="services"/> adds to (or overrides) the registrations, for
    /// a stand-in of a part another test covers.
    /// </summary>
    public static async Task<SupervisorHost> StartAsync(Action<JsonObject>? configure = null, TempDirectory? reuse = null, TimeProvider? timeProvider = null,
        Action<IServiceCollection>? services = null)
    {
        var temp = reuse ?? new TempDirectory("hal-sup");
        var port = FreePort.Next();
        var httpPort = FreePort.Next();
        while (httpPort == port)
        {
            httpPort = FreePort.Next();
        }
        var server = new JsonObject
        {
            ["port"] = port,
            ["http_port"] = httpPort,
            ["bind_address"] = "127.0.0.1",
            ["auth_token"] = Token,
            ["heartbeat_interval_sec"] = 30,
        };
        var config = new JsonObject
        {
            ["server"] = server,
            ["database"] = new JsonObject { ["path"] = "supervisor.db" },
            // Tests refuse bad input on purpose; the warnings that records would only crowd the test output.
            ["logging"] = new JsonObject { ["level"] = "error" },
        };
        configure?.Invoke(config);
        var postgres = TestPostgres.IsSelected ? await DatabaseForAsync(temp, reuse is not null) : null;
        if (postgres is not null)
        {
            var database = config["database"] as JsonObject ?? [];
            database["provider"] = "postgres";
            database["connection_string"] = postgres.ConnectionString;
            config["database"] = database;
        }
        var path = temp.Combine("supervisor.config.json");
        await File.WriteAllTextAsync(path, config.ToJsonString());
        WebApplication? app = null;
        try
        {
            var builder = SupervisorApp.CreateBuilder(["--config", path]);
            if (timeProvider is not null)
            {
                builder.Services.RemoveAll<TimeProvider>();
                builder.Services.AddSingleton(timeProvider);
            }
            services?.Invoke(builder.Services);
            app = SupervisorApp.Build(builder);
            await app.StartAsync();
        }
        catch
        {
            // A config refused on purpose leaves nothing behind: not the host, its database or its folder.
            if (app is not null)
            {
                await app.DisposeAsync();
            }
            if (postgres is not null && reuse is null)
            {
                await postgres.DisposeAsync();
            }
            if (reuse is null)
            {
                temp.Dispose();
            }
            throw;
        }
        return new SupervisorHost(temp, reuse is null, app, port, httpPort, postgres);
    }

    /// <summary>
    /// A new database per host; hosts started over one reused directory (a restart) share one database, as they share
    /// one SQLite file, and it is left to the throwaway server.
    /// </summary>
    private static async Task<TestPostgresDatabase> DatabaseForAsync(TempDirectory temp, bool reused)
    {
        if (!reused)
        {
            return await TestPostgres.CreateDatabaseAsync();
        }
        await s_reusedGate.WaitAsync();
        try
        {
            if (!s_reused.TryGetValue(temp.Path, out var database))
            {
                database = await TestPostgres.CreateDatabaseAsync();
                s_reused[temp.Path] = database;
            }
            return database;
        }
        finally
        {
            s_reusedGate.Release();
        }
    }

    public async Task<JsonElement> GetDataAsync(string path)
    {
        using var response = await Api.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} -> {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("data").Clone();
    }

    public async Task<(int Status, JsonElement Body)> GetAsync(string path)
    {
        using var response = await Api.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonDocument.Parse(body).RootElement.Clone());
    }

    /// <summary>Polls until <paramref name="condition"/> holds; for waits across the socket and the writer.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, int timeoutMs = 10_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }
            await Task.Delay(25);
        }
        Assert.Fail($"timed out waiting for {what}");
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            await App.StopAsync(stop.Token);
        }
        // The app's own database releases its pool; clearing every pool would race the hosts of tests running in parallel.
        await App.DisposeAsync();
        if (Postgres is not null && _ownsTemp)
        {
            await Postgres.DisposeAsync();
        }
        if (_ownsTemp)
        {
            _temp.Dispose();
        }
    }
}
