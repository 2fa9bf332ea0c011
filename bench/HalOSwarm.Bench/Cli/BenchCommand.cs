using System.CommandLine;
using System.CommandLine.Parsing;

namespace HalOSwarm.Bench.Cli;

/// <summary>The <c>hal-bench</c> command line.</summary>
internal sealed class BenchCommand : RootCommand
{
    private readonly Option<string> _scenario = new("--scenario", "-s") { Description = "throughput|latency|connections|commands|backlog|soak|ceiling|ledger|routing|all, or a comma-separated list", DefaultValueFactory = _ => "all" };
    private readonly Option<bool> _quick = new("--quick") { Description = "Every scenario at small scale, all in under a minute" };
    private readonly Option<int?> _agents = new("--agents") { Description = "Simulated agents (nodes)" };
    private readonly Option<int?> _sessions = new("--sessions") { Description = "Sessions per agent" };
    private readonly Option<double?> _rate = new("--rate") { Description = "Total events/s over all agents; 0 = as fast as acks allow" };
    private readonly Option<double?> _duration = new("--duration") { Description = "Seconds of load per scenario" };
    private readonly Option<int?> _batch = new("--batch") { Description = "Most events per events frame (capped by the welcome's max_batch_events)" };
    private readonly Option<int?> _window = new("--window") { Description = "Most unacknowledged events per agent" };
    private readonly Option<long?> _events = new("--events") { Description = "Backlog events (backlog) or rows (ceiling)" };
    private readonly Option<double?> _commandRate = new("--command-rate") { Description = "Commands/s in the commands scenario" };
    private readonly Option<int> _sample = new("--sample") { Description = "Measure latency of every Nth streamed event", DefaultValueFactory = _ => 1 };
    private readonly Option<string?> _json = new("--json") { Description = "Write the results as JSON to this file" };
    private readonly Option<bool> _verify = new("--verify") { Description = "Check in the supervisor's SQLite that every event is stored exactly once", DefaultValueFactory = _ => true };
    private readonly Option<Uri?> _agentUrl = new("--agent-url") { Description = "Use a running supervisor: ws://HOST:PORT/ws/agent", CustomParser = ParseUrl };
    private readonly Option<Uri?> _apiUrl = new("--api-url") { Description = "Its API: http://HOST:PORT", CustomParser = ParseUrl };
    private readonly Option<string?> _token = new("--token") { Description = "Its auth token" };
    private readonly Option<string?> _db = new("--db") { Description = "Its SQLite file, for --verify" };
    private readonly Option<int?> _pid = new("--supervisor-pid") { Description = "Its process id, for RSS and CPU" };
    private readonly Option<string?> _dll = new("--supervisor-dll") { Description = "The hal-supervisor.dll to start (default: newest build in the repo)" };
    private readonly Option<int?> _heartbeat = new("--heartbeat-sec") { Description = "server.heartbeat_interval_sec of the started supervisor" };
    private readonly Option<string> _logLevel = new("--log-level") { Description = "logging.level of the started supervisor", DefaultValueFactory = _ => "warning" };
    private readonly Option<bool> _keep = new("--keep") { Description = "Keep the started supervisors' temp folders (config, db, log)" };
    private readonly Option<string> _database = new("--database") { Description = "sqlite|postgres|both: what the started supervisors keep their data in (postgres needs --postgres)", DefaultValueFactory = _ => "sqlite" };
    private readonly Option<string?> _postgres = new("--postgres") { Description = "Npgsql connection string of a PostgreSQL server whose role may create databases (default: $HAL_BENCH_POSTGRES)" };
    private readonly Option<string?> _synchronous = new("--synchronous") { Description = "normal|full: database.synchronous of the started supervisor and of the commit-latency floor (default: the supervisor's own, normal)" };

    public BenchCommand(Func<BenchOptions, CancellationToken, Task<int>> run)
        : base("Load generator for hal-supervisor: real agent protocol, real WebSockets, real process.")
    {
        foreach (var option in new Option[] { _scenario, _quick, _agents, _sessions, _rate, _duration, _batch, _window, _events, _commandRate, _sample, _json, _verify, _agentUrl, _apiUrl, _token, _db, _pid, _dll, _heartbeat, _logLevel, _keep, _synchronous, _database, _postgres })
        {
            Options.Add(option);
        }
        Validators.Add(result =>
        {
            if (result.GetValue(_agentUrl) is not null && (result.GetValue(_apiUrl) is null || result.GetValue(_token) is null))
            {
                result.AddError("--agent-url needs --api-url and --token");
            }
            if (result.GetValue(_synchronous) is { } synchronous && synchronous is not ("normal" or "full"))
            {
                result.AddError($"--synchronous must be normal or full, not '{synchronous}'");
            }
            var database = result.GetValue(_database) ?? "sqlite";
            if (database is not ("sqlite" or "postgres" or "both"))
            {
                result.AddError($"--database must be sqlite, postgres or both, not '{database}'");
            }
            else if (database != "sqlite")
            {
                if (PostgresOf(result.GetValue(_postgres)) is null)
                {
                    result.AddError("--database " + database + " needs --postgres CONNECTION_STRING (or HAL_BENCH_POSTGRES)");
                }
                if (result.GetValue(_agentUrl) is not null)
                {
                    result.AddError("--database " + database + " starts its own supervisors; it cannot be used with --agent-url");
                }
            }
            var names = Expand(result.GetValue(_scenario) ?? "all");
            foreach (var name in names.Where(n => !ScenarioDefaults.All.Contains(n)))
            {
                result.AddError($"unknown scenario '{name}' (throughput|latency|connections|commands|backlog|soak|ceiling|ledger|routing|all)");
            }
        });
        SetAction((result, cancellationToken) => run(Bind(result), cancellationToken));
    }

    private BenchOptions Bind(ParseResult r) => new()
    {
        Scenarios = Expand(r.GetValue(_scenario) ?? "all"),
        Quick = r.GetValue(_quick),
        Agents = r.GetValue(_agents),
        Sessions = r.GetValue(_sessions),
        Rate = r.GetValue(_rate),
        DurationSec = r.GetValue(_duration),
        Batch = r.GetValue(_batch),
        Window = r.GetValue(_window),
        BacklogEvents = r.GetValue(_events),
        CommandRate = r.GetValue(_commandRate),
        SampleEvery = r.GetValue(_sample),
        JsonPath = r.GetValue(_json),
        Verify = r.GetValue(_verify),
        AgentUrl = r.GetValue(_agentUrl),
        ApiUrl = r.GetValue(_apiUrl),
        Token = r.GetValue(_token),
        DatabasePath = r.GetValue(_db),
        SupervisorPid = r.GetValue(_pid),
        SupervisorDll = r.GetValue(_dll),
        HeartbeatSec = r.GetValue(_heartbeat),
        LogLevel = r.GetValue(_logLevel) ?? "warning",
        Keep = r.GetValue(_keep),
        Synchronous = r.GetValue(_synchronous),
        Databases = (r.GetValue(_database) ?? "sqlite") switch
        {
            "both" => [Target.BenchDatabases.Sqlite, Target.BenchDatabases.Postgres],
            "postgres" => [Target.BenchDatabases.Postgres],
            _ => [Target.BenchDatabases.Sqlite],
        },
        Postgres = PostgresOf(r.GetValue(_postgres)),
    };

    private static string? PostgresOf(string? given) =>
        given ?? (Environment.GetEnvironmentVariable("HAL_BENCH_POSTGRES") is { Length: > 0 } fromEnvironment ? fromEnvironment : null);

    private static string[] Expand(string value)
    {
        var names = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return names.Contains("all") ? ScenarioDefaults.All : names;
    }

    // System.CommandLine has no built-in parser for Uri: without this, any --agent-url/--api-url threw at parse time.
    private static Uri? ParseUrl(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (Uri.TryCreate(text, UriKind.Absolute, out var url))
        {
            return url;
        }
        result.AddError($"'{text}' is not an absolute URL");
        return null;
    }
}
