using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Agent.Configuration;

/// <summary>The agent's configuration, bound from agent.config.json and HAL_AGENT_* environment variables.</summary>
internal sealed class AgentOptions
{
    [ConfigurationKeyName("supervisor_url")]
    public string SupervisorUrl { get; set; } = "";

    /// <summary>
    /// Several supervisors sharing one database, instead of <see cref="SupervisorUrl"/>: the agent dials them in turn,
    /// moving to the next whenever a connection fails or ends.
    /// </summary>
    [ConfigurationKeyName("supervisor_urls")]
    public List<string> SupervisorUrls { get; set; } = [];

    /// <summary>The URLs the agent dials, in order: <see cref="SupervisorUrls"/>, else <see cref="SupervisorUrl"/>.</summary>
    public IReadOnlyList<string> Supervisors => SupervisorUrls.Count > 0 ? SupervisorUrls : [SupervisorUrl];

    [ConfigurationKeyName("auth_token")]
    public string AuthToken { get; set; } = "";

    /// <summary>Where node-id and agent.db live; relative paths are taken from the config file's folder.</summary>
    [ConfigurationKeyName("state_dir")]
    public string StateDir { get; set; } = "";

    /// <summary>Trust for a <c>wss://</c> supervisor: a CA file or a public-key pin (<see cref="SupervisorTlsOptions"/>).</summary>
    [ConfigurationKeyName("supervisor_tls")]
    public SupervisorTlsOptions SupervisorTls { get; set; } = new();

    [ConfigurationKeyName("projects")]
    public List<ProjectOptions> Projects { get; set; } = [];

    /// <summary>Each runtime's program and options (<c>runtimes.opencode</c>, <c>runtimes.claude-code</c>…).</summary>
    [ConfigurationKeyName("runtimes")]
    public RuntimesOptions Runtimes { get; set; } = new();

    // The keys of the first agent, which ran opencode only; still read, and copied into runtimes.opencode.
    [ConfigurationKeyName("opencode_port")]
    public int? LegacyOpenCodePort { get; set; }

    [ConfigurationKeyName("opencode_hostname")]
    public string? LegacyOpenCodeHostname { get; set; }

    [ConfigurationKeyName("opencode_binary")]
    public string? LegacyOpenCodeBinary { get; set; }

    [ConfigurationKeyName("opencode_password")]
    public string? LegacyOpenCodePassword { get; set; }

    [ConfigurationKeyName("opencode_startup_timeout_sec")]
    public int? LegacyOpenCodeStartupTimeoutSec { get; set; }

    [ConfigurationKeyName("task_poll_interval_sec")]
    public double TaskPollIntervalSec { get; set; } = 5;

    /// <summary>How often pushed credentials are compared with what is on disk (a change by hand is reported as drift).</summary>
    [ConfigurationKeyName("credentials_check_sec")]
    public double CredentialsCheckSec { get; set; } = 60;

    /// <summary>Events sent but not yet acknowledged, at most (the pipelining window).</summary>
    [ConfigurationKeyName("max_in_flight_events")]
    public int MaxInFlightEvents { get; set; } = 2000;

    /// <summary>Port of the agent's own <c>/metrics</c> on 127.0.0.1; 0 (the default) serves none.</summary>
    [ConfigurationKeyName("metrics_port")]
    public int MetricsPort { get; set; }

    /// <summary>Name reported in hello; defaults to the machine name.</summary>
    [ConfigurationKeyName("hostname")]
    public string? Hostname { get; set; }

    /// <summary>Stop the runtimes' programs (opencode server, claude, codex, tmux sessions) when the agent stops; off by default, so they outlive a restart.</summary>
    [ConfigurationKeyName("stop_runtimes_on_exit")]
    public bool StopRuntimesOnExit { get; set; }

    /// <summary>Login status checks and remote logins of the agent programs (<see cref="ToolAuth.ToolAuthOptions"/>).</summary>
    [ConfigurationKeyName("tool_auth")]
    public ToolAuth.ToolAuthOptions ToolAuth { get; set; } = new();

    /// <summary>The keys a config file may hold at its top level.</summary>
    public static readonly IReadOnlySet<string> Keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "supervisor_url", "supervisor_urls", "auth_token", "state_dir", "projects", "runtimes", "opencode_port", "opencode_hostname",
        "opencode_binary", "opencode_password", "opencode_startup_timeout_sec", "task_poll_interval_sec",
        "max_in_flight_events", "hostname", "logging", "stop_runtimes_on_exit", "metrics_port", "supervisor_tls",
        "tool_auth",
        "credentials_check_sec",
    };

    /// <summary>The top-level opencode_* keys and the runtimes.opencode key each stands for.</summary>
    public static readonly IReadOnlyDictionary<string, string> LegacyOpenCodeKeys = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["opencode_port"] = "port",
        ["opencode_hostname"] = "hostname",
        ["opencode_binary"] = "binary",
        ["opencode_password"] = "password",
        ["opencode_startup_timeout_sec"] = "startup_timeout_sec",
    };

    /// <summary>Copies the opencode_* keys of a config written for the first agent into runtimes.opencode.</summary>
    public AgentOptions ApplyLegacyKeys()
    {
        var openCode = Runtimes.OpenCode;
        openCode.Port = LegacyOpenCodePort ?? openCode.Port;
        openCode.Hostname = LegacyOpenCodeHostname ?? openCode.Hostname;
        openCode.Binary = LegacyOpenCodeBinary ?? openCode.Binary;
        openCode.Password = LegacyOpenCodePassword ?? openCode.Password;
        openCode.StartupTimeoutSec = LegacyOpenCodeStartupTimeoutSec ?? openCode.StartupTimeoutSec;
        return this;
    }

    /// <summary>The runtimes this node runs: those its projects use and those enabled under <c>runtimes</c>.</summary>
    public IReadOnlySet<string> RuntimesInUse =>
        Projects.Select(p => p.Runtime).Concat(RuntimesOptions.Names.Where(n => Runtimes.For(n).Enabled == true)).ToHashSet(StringComparer.Ordinal);
}
