using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using HalOSwarm.Testing;
using HalOSwarm.Testing.FakeLlm;
using HalOSwarm.Testing.OpenCode;
using HalOSwarm.Testing.Postgres;
using HalOSwarm.Testing.Processes;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace HalOSwarm.Integration.Tests.Harness;

/// <summary>
/// Several built hal-supervisors sharing one PostgreSQL database of the test's own, and built hal-agents, each with
/// its real opencode server and one project, dialing the supervisors from a <c>supervisor_urls</c> list.
/// </summary>
internal sealed class PostgresFleet : IAsyncDisposable
{
    public const string Token = HalCluster.Token;

    private readonly List<FleetSupervisor> _supervisors = [];
    private readonly List<FleetAgent> _agents = [];

    private PostgresFleet(TestPostgresDatabase database, FakeOpenAiServer llm)
    {
        Database = database;
        Llm = llm;
    }

    public TempDirectory Dir { get; } = new("hal-fleet");

    public TestPostgresDatabase Database { get; }

    public FakeOpenAiServer Llm { get; }

    public IReadOnlyList<FleetSupervisor> Supervisors => _supervisors;

    public IReadOnlyList<FleetAgent> Agents => _agents;

    public static async Task<PostgresFleet> CreateAsync()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        FakeOpenAiServer? llm = null;
        try
        {
            llm = await FakeOpenAiServer.StartAsync();
            await OpenCodeTool.EnsureInstalledAsync();
            return new PostgresFleet(database, llm);
        }
        catch
        {
            if (llm is not null)
            {
                await llm.DisposeAsync();
            }
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts a supervisor named <paramref name="id"/> on the shared database and waits until it is ready.</summary>
    public async Task<FleetSupervisor> StartSupervisorAsync(string id, int heartbeatSec = 1, int leaseSec = 6)
    {
        var supervisor = new FleetSupervisor(this, id);
        _supervisors.Add(supervisor);
        await File.WriteAllTextAsync(supervisor.Config, JsonSerializer.Serialize(new
        {
            server = new { port = supervisor.AgentPort, http_port = supervisor.HttpPort, auth_token = Token, bind_address = "127.0.0.1" },
            database = new { provider = "postgres", connection_string = Database.ConnectionString, pool_size = 10 },
            cluster = new { supervisor_id = id, heartbeat_sec = heartbeatSec, lease_sec = leaseSec },
        }));
        await supervisor.StartAsync();
        return supervisor;
    }

    /// <summary>Starts an agent with one opencode project, dialing <paramref name="dialOrder"/> in turn.</summary>
    public FleetAgent StartAgent(string project, params FleetSupervisor[] dialOrder)
    {
        var agent = new FleetAgent(this, project);
        _agents.Add(agent);
        File.WriteAllText(agent.Config, JsonSerializer.Serialize(new
        {
            supervisor_urls = dialOrder.Select(s => $"ws://127.0.0.1:{s.AgentPort}/ws/agent").ToArray(),
            auth_token = Token,
            opencode_port = agent.OpenCodePort,
            opencode_binary = OpenCodeTool.BinaryPath,
            state_dir = agent.StateDir,
            projects = new[] { new { name = project, directory = agent.ProjectDir } },
        }));
        agent.Start();
        return agent;
    }

    /// <summary>(rows, distinct seqs, min seq, max seq) of the node's events in the shared database.</summary>
    public async Task<(long Rows, long Distinct, long Min, long Max)> StoredSeqsAsync(string nodeId)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT COUNT(*), COUNT(DISTINCT seq), COALESCE(MIN(seq),0), COALESCE(MAX(seq),0) FROM events WHERE node_id = @n AND seq IS NOT NULL",
            connection);
        command.Parameters.AddWithValue("n", nodeId);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    /// <summary>
    /// Waits until <paramref name="reader"/> reports the node durable up to the agent's last seq, then checks the database
    /// holds seq 1..last exactly once each.
    /// </summary>
    public async Task AssertExactlyOnceAsync(FleetAgent agent, FleetSupervisor reader)
    {
        var nodeId = agent.NodeId;
        long last = 0;
        await WaitAsync(async () =>
        {
            last = agent.LastSeq();
            var node = await reader.GetDataAsync($"api/v1/nodes/{nodeId}");
            return last > 0 && node.GetProperty("durable_seq").GetInt64() == last;
        }, TimeSpan.FromSeconds(60), $"durable_seq of {agent.Project} to reach the agent's last seq");
        var (rows, distinct, min, max) = await StoredSeqsAsync(nodeId);
        Assert.True(rows == last && distinct == last && min == 1 && max == last,
            $"{agent.Project}: the store should hold seq 1..{last} once each; it holds {rows} rows, {distinct} distinct seqs, from {min} to {max}");
    }

    public Task WaitAsync(Func<Task<bool>> condition, TimeSpan timeout, string what) =>
        HalCluster.WaitUntilAsync(condition, timeout, what, Diagnostics);

    public string Diagnostics()
    {
        var text = new StringBuilder();
        foreach (var supervisor in _supervisors)
        {
            text.Append("--- supervisor ").Append(supervisor.Id).Append(" ---\n").Append(Tail(supervisor.Process?.Output)).Append('\n');
        }
        foreach (var agent in _agents)
        {
            text.Append("--- agent ").Append(agent.Project).Append(" ---\n").Append(Tail(agent.Process?.Output)).Append('\n');
        }
        return text.ToString();
    }

    private static string Tail(string? text) => text is null ? "(not running)" : text.Length > 4000 ? text[^4000..] : text;

    public async ValueTask DisposeAsync()
    {
        foreach (var agent in _agents)
        {
            await agent.DisposeAsync();
        }
        foreach (var supervisor in _supervisors)
        {
            await supervisor.DisposeAsync();
        }
        await Llm.DisposeAsync();
        await Database.DisposeAsync();
        Dir.Dispose();
    }

    internal sealed class FleetSupervisor : IAsyncDisposable
    {
        private readonly PostgresFleet _fleet;

        public FleetSupervisor(PostgresFleet fleet, string id)
        {
            _fleet = fleet;
            Id = id;
            AgentPort = FreePort.Next();
            HttpPort = FreePort.Next();
            Directory.CreateDirectory(Folder);
            Api = new HttpClient { BaseAddress = new Uri(Url + "/"), Timeout = TimeSpan.FromSeconds(60) };
            Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        }

        public string Id { get; }

        public int AgentPort { get; }

        public int HttpPort { get; }

        public string Url => $"http://127.0.0.1:{HttpPort}";

        public HttpClient Api { get; }

        public TestProcess? Process { get; private set; }

        public string Folder => _fleet.Dir.Combine("supervisors", Id);

        public string Config => Path.Combine(Folder, "supervisor.config.json");

        public async Task StartAsync()
        {
            Process = TestProcess.StartDotnet($"hal-supervisor-{Id}", RepoPaths.Supervisor, ["--config", Config], workingDirectory: Folder);
            await HalCluster.WaitUntilAsync(async () =>
            {
                try
                {
                    using var response = await Api.GetAsync("readyz");
                    return response.IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            }, TimeSpan.FromSeconds(30), $"supervisor {Id} ready", () => Process.Output);
        }

        /// <summary>SIGKILL: no shutdown code runs, its sockets (agents', PostgreSQL's) are closed by the kernel.</summary>
        public Task KillHardAsync() => Process!.KillHardAsync();

        public Task<JsonElement> GetDataAsync(string path) => SupervisorApi.GetDataAsync(Api, path);

        /// <summary>Every event matching <paramref name="query"/>, oldest first (follows cursors).</summary>
        public Task<List<JsonElement>> GetEventsAsync(string query) => SupervisorApi.GetEventsAsync(Api, query);

        /// <summary>The row of <paramref name="id"/> in this supervisor's <c>GET /api/v1/supervisors</c>.</summary>
        public async Task<JsonElement?> SupervisorRowAsync(string id)
        {
            foreach (var row in (await GetDataAsync("api/v1/supervisors")).EnumerateArray())
            {
                if (row.Str("supervisor_id") == id)
                {
                    return row;
                }
            }
            return null;
        }

        /// <summary>Runs the built halctl against this supervisor.</summary>
        public Task<CtlResult> CtlAsync(params string[] args) =>
            SupervisorApi.HalctlAsync(["--supervisor-url", Url, "--token", Token, .. args], TimeSpan.FromSeconds(120));

        public async ValueTask DisposeAsync()
        {
            if (Process is not null)
            {
                await Process.DisposeAsync();
            }
            Api.Dispose();
        }
    }

    internal sealed class FleetAgent : IAsyncDisposable
    {
        private readonly PostgresFleet _fleet;

        public FleetAgent(PostgresFleet fleet, string project)
        {
            _fleet = fleet;
            Project = project;
            OpenCodePort = FreePort.Next();
            Directory.CreateDirectory(ProjectDir);
            Directory.CreateDirectory(StateDir);
            Directory.CreateDirectory(OpenCodeHome);
        }

        public string Project { get; }

        public int OpenCodePort { get; }

        public TestProcess? Process { get; private set; }

        public string Folder => _fleet.Dir.Combine("agents", Project);

        public string ProjectDir => Path.Combine(Folder, "projects", Project);

        public string StateDir => Path.Combine(Folder, "agent-state");

        public string OpenCodeHome => Path.Combine(Folder, "opencode-home");

        public string Config => Path.Combine(Folder, "agent.config.json");

        public bool HasNodeId => File.Exists(Path.Combine(StateDir, "node-id"));

        public string NodeId => File.ReadAllText(Path.Combine(StateDir, "node-id")).Trim();

        public void Start() =>
            Process = TestProcess.StartDotnet($"hal-agent-{Project}", RepoPaths.Agent, ["--config", Config],
                OpenCodeTool.ProcessEnvironment(_fleet.Llm.V1Url, OpenCodeHome), ProjectDir);

        /// <summary>The highest seq the agent ever allocated, read from its outbox database.</summary>
        public long LastSeq()
        {
            using var connection = new SqliteConnection($"Data Source={Path.Combine(StateDir, "agent.db")};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT value FROM meta WHERE key = 'last_seq'";
            return Convert.ToInt64(command.ExecuteScalar() ?? 0L, CultureInfo.InvariantCulture);
        }

        public async ValueTask DisposeAsync()
        {
            if (Process is not null)
            {
                await Process.DisposeAsync();
            }
            await OpenCodeTool.StopAllAsync(OpenCodeHome, OpenCodePort);
        }
    }
}
