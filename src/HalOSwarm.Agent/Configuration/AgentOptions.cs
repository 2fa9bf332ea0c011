using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Agent.Configuration;

/// <summary>The agent's configuration, bound from agent.config.json and HAL_AGENT_* environment variables.</summary>
internal sealed class AgentOptions
{
    public const string DefaultOpenCodeBinary = "opencode";
    public const string DefaultOpenCodeHostname = "127.0.0.1";
    public const int DefaultOpenCodePort = 4096;

    [ConfigurationKeyName("supervisor_url")]
    public string SupervisorUrl { get; set; } = "";

    [ConfigurationKeyName("auth_token")]
    public string AuthToken { get; set; } = "";

    /// <summary>Where node-id and agent.db live; relative paths are taken from the config file's folder.</summary>
    [ConfigurationKeyName("state_dir")]
    public string StateDir { get; set; } = "";

    [ConfigurationKeyName("projects")]
    public List<ProjectOptions> Projects { get; set; } = [];

    [ConfigurationKeyName("opencode_port")]
    public int OpenCodePort { get; set; } = DefaultOpenCodePort;

    [ConfigurationKeyName("opencode_hostname")]
    public string OpenCodeHostname { get; set; } = DefaultOpenCodeHostname;

    [ConfigurationKeyName("opencode_binary")]
    public string OpenCodeBinary { get; set; } = DefaultOpenCodeBinary;

    /// <summary>When set, sent as HTTP Basic (user <c>opencode</c>) and passed to a started server as OPENCODE_SERVER_PASSWORD.</summary>
    [ConfigurationKeyName("opencode_password")]
    public string? OpenCodePassword { get; set; }

    /// <summary>How long to wait for a started <c>opencode serve</c> to answer.</summary>
    [ConfigurationKeyName("opencode_startup_timeout_sec")]
    public int OpenCodeStartupTimeoutSec { get; set; } = 60;

    [ConfigurationKeyName("task_poll_interval_sec")]
    public double TaskPollIntervalSec { get; set; } = 5;

    /// <summary>Events sent but not yet acknowledged, at most (the pipelining window).</summary>
    [ConfigurationKeyName("max_in_flight_events")]
    public int MaxInFlightEvents { get; set; } = 2000;

    /// <summary>Name reported in hello; defaults to the machine name.</summary>
    [ConfigurationKeyName("hostname")]
    public string? Hostname { get; set; }

    /// <summary>The keys a config file may hold at its top level.</summary>
    public static readonly IReadOnlySet<string> Keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "supervisor_url", "auth_token", "state_dir", "projects", "opencode_port", "opencode_hostname",
        "opencode_binary", "opencode_password", "opencode_startup_timeout_sec", "task_poll_interval_sec",
        "max_in_flight_events", "hostname", "logging",
    };

    public string OpenCodeBaseUrl => $"http://{OpenCodeHostname}:{OpenCodePort}";
}
