using System.Net.Http.Headers;
using System.Text.Json;
using HalOSwarm.Testing;
using HalOSwarm.Testing.FakeLlm;
using HalOSwarm.Testing.Network;
using HalOSwarm.Testing.OpenCode;
using HalOSwarm.Testing.Postgres;
using HalOSwarm.Testing.Processes;
using HalOSwarm.Testing.Tls;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace HalOSwarm.Integration.Tests.Harness;

/// <summary>
/// The built hal-supervisor and hal-agent executables as real processes on free loopback ports, a real
/// SQLite file each, the real opencode from npm, and the fake LLM server standing in for the provider.
/// </summary>
internal sealed class HalCluster : IAsyncDisposable
{
    public const string Token = "test-token-0123456789";
    public const string ProjectName = "demo";

    private readonly ClusterOptions _options;

    private HalCluster(ClusterOptions options, FakeOpenAiServer llm, TestPostgresDatabase? postgres)
    {
        _options = options;
        Llm = llm;
        Postgres = postgres;
        AgentPort = FreePort.Next();
        HttpPort = FreePort.Next();
        OpenCodePort = FreePort.Next();
        Directory.CreateDirectory(ProjectDir);
        Directory.CreateDirectory(AgentStateDir);
        Directory.CreateDirectory(OpenCodeHome);
        Certificate = options.Tls ? TestCertificate.Create(Dir.Path) : null;
        Api = Certificate is null ? new HttpClient() : TlsProbe.PinnedClient(Certificate, new Uri(SupervisorUrl));
        Api.BaseAddress = new Uri(SupervisorUrl + "/");
        Api.Timeout = TimeSpan.FromSeconds(60);
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
    }

    public TempDirectory Dir { get; } = new("hal-it");
    public FakeOpenAiServer Llm { get; }

    /// <summary>
    /// The supervisor's PostgreSQL database on the PostgreSQL pass (<c>HAL_TEST_DATABASE=postgres</c>), else null and
    /// the supervisor keeps <see cref="SupervisorDb"/>.
    /// </summary>
    public TestPostgresDatabase? Postgres { get; }
    public TcpChaosProxy? Proxy { get; private set; }
    public int AgentPort { get; }
    public int HttpPort { get; }
    public int OpenCodePort { get; }
    public HttpClient Api { get; }
    public TestProcess? Supervisor { get; private set; }
    public TestProcess? Agent { get; private set; }

    /// <summary>The supervisor's certificate when <see cref="ClusterOptions.Tls"/> is on.</summary>
    public TestCertificate? Certificate { get; }

    public string ProjectDir => Dir.Combine("projects", ProjectName);
    public string AgentStateDir => Dir.Combine("agent-state");
    public string OpenCodeHome => Dir.Combine("opencode-home");
    public string SupervisorDb => Dir.Combine("supervisor.db");
    public string AgentDb => Path.Combine(AgentStateDir, "agent.db");
    public string SupervisorConfig => Dir.Combine("supervisor.config.json");
    public string AgentConfig => Dir.Combine("agent.config.json");
    public string SupervisorUrl => $"{(_options.Tls ? "https" : "http")}://127.0.0.1:{HttpPort}";

    public static async Task<HalCluster> StartAsync(ClusterOptions? options = null)
    {
        options ??= new ClusterOptions();
        var postgres = TestPostgres.IsSelected ? await TestPostgres.CreateDatabaseAsync() : null;
        var llm = await FakeOpenAiServer.StartAsync();
        var cluster = new HalCluster(options, llm, postgres);
        try
        {
            cluster.WriteConfigs();
            await cluster.StartSupervisorAsync();
            if (options.WithAgent)
            {
                await OpenCodeTool.EnsureInstalledAsync();
                await cluster.StartAgentAsync();
                await cluster.WaitForNodeStatusAsync("online", TimeSpan.FromSeconds(60));
            }
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    private void WriteConfigs()
    {
        var supervisorConfig = JsonSerializer.SerializeToNode(new
        {
            server = new
            {
                port = AgentPort,
                http_port = HttpPort,
                auth_token = Token,
                heartbeat_interval_sec = _options.HeartbeatIntervalSec,
                heartbeat_timeout_count = _options.HeartbeatTimeoutCount,
                bind_address = "127.0.0.1",
            },
        })!.AsObject();
        supervisorConfig["database"] = Postgres is null
            ? JsonSerializer.SerializeToNode(new { path = SupervisorDb })
            : JsonSerializer.SerializeToNode(new { provider = "postgres", connection_string = Postgres.ConnectionString });
        foreach (var (key, value) in _options.ServerSettings)
        {
            supervisorConfig["server"]![key] = value;
        }
        if (Certificate is not null)
        {
            supervisorConfig["server"]!["tls"] = new System.Text.Json.Nodes.JsonObject { ["cert_file"] = Certificate.CertFile, ["key_file"] = Certificate.KeyFile };
        }
        foreach (var (section, json) in _options.SupervisorSections)
        {
            supervisorConfig[section] = System.Text.Json.Nodes.JsonNode.Parse(json);
        }
        File.WriteAllText(SupervisorConfig, supervisorConfig.ToJsonString());
        var agentTarget = AgentPort;
        if (_options.ThroughProxy)
        {
            Proxy = new TcpChaosProxy(AgentPort);
            agentTarget = Proxy.Port;
        }
        var agentConfig = JsonSerializer.SerializeToNode(new
        {
            supervisor_url = $"{(Certificate is null ? "ws" : "wss")}://127.0.0.1:{agentTarget}/ws/agent",
            auth_token = Token,
            opencode_port = OpenCodePort,
            opencode_binary = OpenCodeTool.BinaryPath,
            state_dir = AgentStateDir,
            projects = new[] { new { name = ProjectName, directory = ProjectDir } },
        })!.AsObject();
        foreach (var json in _options.ExtraProjectsJson)
        {
            var project = System.Text.Json.Nodes.JsonNode.Parse(json)!;
            Directory.CreateDirectory(project["directory"]!.GetValue<string>());
            agentConfig["projects"]!.AsArray().Add(project);
        }
        if (Certificate is not null)
        {
            agentConfig["supervisor_tls"] = new System.Text.Json.Nodes.JsonObject { ["pin_sha256"] = Certificate.Pin };
        }
        if (_options.AgentRuntimesJson is { } runtimes)
        {
            agentConfig["runtimes"] = System.Text.Json.Nodes.JsonNode.Parse(runtimes);
        }
        foreach (var (section, json) in _options.AgentSections)
        {
            agentConfig[section] = System.Text.Json.Nodes.JsonNode.Parse(json);
        }
        File.WriteAllText(AgentConfig, agentConfig.ToJsonString());
    }

    public async Task StartSupervisorAsync()
    {
        Supervisor = TestProcess.StartDotnet("hal-supervisor", RepoPaths.Supervisor, ["--config", SupervisorConfig], workingDirectory: Dir.Path);
        await WaitUntilAsync(async () =>
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
        }, TimeSpan.FromSeconds(30), "supervisor ready", () => Supervisor.Output);
    }

    public async Task StartAgentAsync()
    {
        var env = OpenCodeTool.ProcessEnvironment(Llm.V1Url, OpenCodeHome, _options.OpenCodePermissionJson, _options.OpenCodeApiKey);
        foreach (var (key, value) in _options.AgentEnvironment)
        {
            env[key] = value;
        }
        Agent = TestProcess.StartDotnet("hal-agent", RepoPaths.Agent, ["--config", AgentConfig], env, ProjectDir);
        await Task.Yield();
    }

    /// <summary>The pid of the opencode server the agent started (it records it in its state directory).</summary>
    public int OpenCodePid() => int.Parse(File.ReadAllText(Path.Combine(AgentStateDir, "opencode.pid")).Split(' ')[0].Trim(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Asks opencode itself (not the agent) whether the session's turn is over.</summary>
    public async Task<bool> OpenCodeIdleAsync(string sessionId)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{OpenCodePort}/"), Timeout = TimeSpan.FromSeconds(10) };
        var body = await http.GetStringAsync($"session/status?directory={Uri.EscapeDataString(ProjectDir)}");
        using var statuses = JsonDocument.Parse(body);
        return !statuses.RootElement.TryGetProperty(sessionId, out var status)
            || status.GetProperty("type").GetString() is not ("busy" or "retry");
    }

    /// <summary>The node id the agent persisted in its state directory.</summary>
    public string NodeId => File.ReadAllText(Path.Combine(AgentStateDir, "node-id")).Trim();

    public Task<JsonElement> GetDataAsync(string path) => SupervisorApi.GetDataAsync(Api, path);

    /// <summary>All events matching <paramref name="query"/> (follows cursors), oldest first.</summary>
    public Task<List<JsonElement>> GetEventsAsync(string query) => SupervisorApi.GetEventsAsync(Api, query);

    public Task<CtlResult> CtlAsync(params string[] args)
    {
        // The cluster's URL and token unless the test gives its own.
        IEnumerable<string> defaults = [
            .. args.Contains("--supervisor-url") ? Array.Empty<string>() : ["--supervisor-url", SupervisorUrl],
            .. args.Contains("--token") ? Array.Empty<string>() : ["--token", Token],
            .. Certificate is null || args.Contains("--ca-file") ? Array.Empty<string>() : ["--ca-file", Certificate.CertFile]];
        return SupervisorApi.HalctlAsync(defaults.Concat(args), TimeSpan.FromSeconds(90));
    }

    public Task WaitForNodeStatusAsync(string status, TimeSpan timeout) =>
        WaitUntilAsync(async () =>
        {
            var nodes = await GetDataAsync("api/v1/nodes");
            return nodes.GetArrayLength() == 1 && nodes[0].GetProperty("status").GetString() == status;
        }, timeout, $"node {status}", Diagnostics);

    public async Task<JsonElement> WaitForSessionAsync(string sessionId, Func<JsonElement, bool> condition, TimeSpan timeout, string what)
    {
        JsonElement? last = null;
        JsonElement? found = null;
        await WaitUntilAsync(async () =>
        {
            var session = await GetDataAsync($"api/v1/sessions/{sessionId}");
            last = session;
            found = condition(session) ? session : null;
            return found is not null;
        }, timeout, what, Diagnostics,
            () => last is { } s ? $"status {s.Str("status")}, activity {s.Str("activity_state")}, last activity {s.Str("last_activity_at")}" : null);
        return found!.Value;
    }

    public async Task<T> WaitForAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, string what)
        where T : struct
    {
        T? value = null;
        await WaitUntilAsync(async () => (value = await probe()) is not null, timeout, what, Diagnostics);
        return value!.Value;
    }

    /// <summary>Polls <paramref name="condition"/> until true; on timeout the failure shows both processes' output.</summary>
    public Task WaitAsync(Func<Task<bool>> condition, TimeSpan timeout, string what) =>
        WaitUntilAsync(condition, timeout, what, Diagnostics);

    /// <summary>
    /// Polls <paramref name="condition"/> until true. On timeout the message's first line says what was awaited and what
    /// <paramref name="lastSeen"/> says of the last poll, and the diagnostics follow (CI shows a failure's first lines only).
    /// </summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what, Func<string>? diagnostics = null,
        Func<string?>? lastSeen = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
                last = null;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException or KeyNotFoundException)
            {
                last = ex;
            }
            await Task.Delay(100);
        }
        var seen = lastSeen?.Invoke();
        throw new TimeoutException($"timed out after {timeout} waiting for {what}{(seen is null ? "" : $" (last seen: {seen})")}"
            + $"{(last is null ? "" : $" (last error: {last.Message})")}\n{diagnostics?.Invoke()}");
    }

    /// <summary>
    /// True once <paramref name="path"/> exists and holds something: a tool's shell creates the file before it writes to
    /// it, so a wait on existence alone may read it empty.
    /// </summary>
    public static bool HasContent(string path) => File.Exists(path) && new FileInfo(path).Length > 0;

    public string Diagnostics() =>
        $"{Digest()}\n--- supervisor ---\n{Tail(Supervisor?.Output)}\n--- agent ---\n{Tail(Agent?.Output)}\n--- llm requests ---\n{LlmRequests()}\n--- last stored events ---\n{LastEvents(40)}\n--- opencode's log ---\n{OpenCodeLog()}";

    /// <summary>
    /// One line for the top of a failure: the node's status and the last warnings and errors each process logged,
    /// clipped (CI shows only the first lines of a failure; the full output follows it).
    /// </summary>
    private string Digest()
    {
        static IEnumerable<string> Warnings(string name, string? output) =>
            (output ?? "").Split('\n')
                .Where(line => line.Contains("\"LogLevel\":\"Warning\"", StringComparison.Ordinal) || line.Contains("\"LogLevel\":\"Error\"", StringComparison.Ordinal)
                    || line.Contains("\"LogLevel\":\"Critical\"", StringComparison.Ordinal))
                .TakeLast(3).Select(line => $"{name}: {Clip(LogMessage(line))}");
        var problems = Warnings("supervisor", Supervisor?.Output).Concat(Warnings("agent", Agent?.Output)).ToList();
        return $"digest: node {NodeStatus()}; {(problems.Count == 0 ? "no warnings logged" : string.Join(" | ", problems))}";
    }

    /// <summary>A JSON console log line's level and message, or the line as it is.</summary>
    private static string LogMessage(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            return $"{root.Str("LogLevel")} {root.Str("Message")}";
        }
        catch (JsonException)
        {
            return line;
        }
    }

    /// <summary>Each node's stored status, from whichever store the supervisor writes.</summary>
    private string NodeStatus()
    {
        try
        {
            using var connection = OpenStore();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT node_id, status FROM nodes ORDER BY node_id";
            using var reader = command.ExecuteReader();
            var nodes = new List<string>();
            while (reader.Read())
            {
                nodes.Add($"{reader.GetString(0)} {reader.GetString(1)}");
            }
            return nodes.Count == 0 ? "(none)" : string.Join(", ", nodes);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            return "(not readable: " + ex.Message + ")";
        }
    }

    /// <summary>An open connection to the supervisor's store: its SQLite file (read-only), or its PostgreSQL database.</summary>
    private System.Data.Common.DbConnection OpenStore()
    {
        System.Data.Common.DbConnection connection = Postgres is null
            ? new SqliteConnection($"Data Source={SupervisorDb};Mode=ReadOnly;Pooling=False")
            : new NpgsqlConnection(Postgres.ConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>The tail of opencode's newest log file in its data folder (XDG_DATA_HOME under <see cref="OpenCodeHome"/>).</summary>
    private string OpenCodeLog()
    {
        var folder = Path.Combine(OpenCodeHome, ".local", "share", "opencode", "log");
        var newest = Directory.Exists(folder) ? new DirectoryInfo(folder).GetFiles("*.log").MaxBy(f => f.LastWriteTimeUtc) : null;
        try
        {
            return newest is null ? "(none)" : Tail(File.ReadAllText(newest.FullName));
        }
        catch (IOException ex)
        {
            return "(not readable: " + ex.Message + ")";
        }
    }

    /// <summary>What the fake LLM was asked, a line each: a turn or a side request, and the last user text.</summary>
    private string LlmRequests() => string.Join('\n', Llm.Requests.Select(r => $"{(r.IsAuxiliary ? "side" : "turn")}: {Clip(r.LastUserText)}"));

    /// <summary>The newest stored events (id, node, seq, type, session, data), oldest first; for a failure's message.</summary>
    private string LastEvents(int count)
    {
        try
        {
            using var connection = OpenStore();
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT id, node_id, seq, type, session_id, data FROM events ORDER BY id DESC LIMIT {count}";
            using var reader = command.ExecuteReader();
            var lines = new List<string>();
            while (reader.Read())
            {
                lines.Add($"{reader.GetInt64(0)} {reader.GetString(1)} {(reader.IsDBNull(2) ? "-" : reader.GetInt64(2))} {reader.GetString(3)} {(reader.IsDBNull(4) ? "-" : reader.GetString(4))} {Clip(reader.GetString(5))}");
            }
            lines.Reverse();
            return string.Join('\n', lines);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            return "(not readable: " + ex.Message + ")";
        }
    }

    private static string Clip(string text) => text.Length > 200 ? text[..200] + "…" : text;

    private static string Tail(string? text) => text is null ? "(not started)" : text.Length > 6000 ? text[^6000..] : text;

    /// <summary>The highest seq the agent ever allocated, read from its outbox database.</summary>
    public long AgentLastSeq()
    {
        using var connection = new SqliteConnection($"Data Source={AgentDb};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM meta WHERE key = 'last_seq'";
        return Convert.ToInt64(command.ExecuteScalar() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>(rows, distinct seqs, min seq, max seq) of the node's events in the supervisor's store.</summary>
    public (long Rows, long Distinct, long Min, long Max) StoredSeqs(string nodeId)
    {
        using var connection = OpenStore();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*), COUNT(DISTINCT seq), COALESCE(MIN(seq),0), COALESCE(MAX(seq),0) FROM events WHERE node_id = @n AND seq IS NOT NULL";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@n";
        parameter.Value = nodeId;
        command.Parameters.Add(parameter);
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    /// <summary>
    /// Waits until the supervisor has stored everything the agent produced, then checks the store holds
    /// seq 1..last exactly once each. The agent may still be producing events (a session's closing updates),
    /// so the store is read between two reads of the agent's last seq that agree: a store read alone could
    /// be ahead of the last seq read before it.
    /// </summary>
    public async Task AssertExactlyOnceAsync()
    {
        var nodeId = NodeId;
        long last = 0;
        (long Rows, long Distinct, long Min, long Max) stored = default;
        await WaitUntilAsync(async () =>
        {
            last = AgentLastSeq();
            var node = await GetDataAsync($"api/v1/nodes/{nodeId}");
            if (last == 0 || node.GetProperty("durable_seq").GetInt64() != last)
            {
                return false;
            }
            stored = StoredSeqs(nodeId);
            return AgentLastSeq() == last;
        }, TimeSpan.FromSeconds(60), "supervisor durable_seq to reach the agent's last seq while the agent is quiet", Diagnostics);
        var (rows, distinct, min, max) = stored;
        Assert.True(rows == last && distinct == last && min == 1 && max == last,
            $"the store should hold seq 1..{last} once each; it holds {rows} rows, {distinct} distinct seqs, from {min} to {max}");
    }

    public async ValueTask DisposeAsync()
    {
        if (Agent is not null)
        {
            await Agent.DisposeAsync();
        }
        await OpenCodeTool.StopAllAsync(OpenCodeHome, OpenCodePort);
        if (Supervisor is not null)
        {
            await Supervisor.DisposeAsync();
        }
        if (Proxy is not null)
        {
            await Proxy.DisposeAsync();
        }
        await Llm.DisposeAsync();
        Api.Dispose();
        if (Postgres is not null)
        {
            await Postgres.DisposeAsync();
        }
        Dir.Dispose();
    }
}
