using Microsoft.Extensions.Configuration;
using HalOSwarm.Protocol;

namespace HalOSwarm.Agent.Configuration;

/// <summary>
/// What every runtime section (<c>runtimes.&lt;name&gt;</c>) holds: the program, the model its sessions use
/// unless a project or a start command says otherwise, extra arguments and environment for the program,
/// and how many sessions of it may run at once on this node (0 = no limit).
/// </summary>
internal class RuntimeOptions
{
    [ConfigurationKeyName("binary")]
    public string Binary { get; set; } = "";

    [ConfigurationKeyName("model")]
    public string? Model { get; set; }

    [ConfigurationKeyName("args")]
    public List<string> Args { get; set; } = [];

    [ConfigurationKeyName("env")]
    public Dictionary<string, string> Env { get; set; } = [];

    [ConfigurationKeyName("max_sessions")]
    public int MaxSessions { get; set; }

    /// <summary>
    /// Whether the node runs this runtime even for projects that do not default to it (so <c>start --runtime</c>
    /// can pick it). A section in the config file turns it on unless it says <c>false</c>.
    /// </summary>
    [ConfigurationKeyName("enabled")]
    public bool? Enabled { get; set; }

    private volatile IReadOnlyDictionary<string, string> _pushedEnv = new Dictionary<string, string>();

    /// <summary>
    /// NAME=VALUE pairs pushed from the supervisor for this runtime's tool (Credentials/; not config): sessions started
    /// afterwards get them on top of <see cref="Env"/> and the project's env (<see cref="ProjectOptions.EnvFor"/>).
    /// </summary>
    public IReadOnlyDictionary<string, string> PushedEnv() => _pushedEnv;

    public void UsePushedEnv(IReadOnlyDictionary<string, string> env) => _pushedEnv = env;

    /// <summary>The keys every runtime section accepts; each runtime adds its own in <see cref="RuntimesOptions.KeysOf"/>.</summary>
    public static readonly IReadOnlySet<string> CommonKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "binary", "model", "args", "env", "max_sessions", "enabled",
    };

    /// <summary>Every problem of this section, each with its key under <paramref name="prefix"/>.</summary>
    public virtual void Validate(string prefix, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(Binary))
        {
            errors.Add($"{prefix}.binary: must not be empty");
        }
        if (MaxSessions < 0)
        {
            errors.Add($"{prefix}.max_sessions: must be 0 (no limit) or more");
        }
        foreach (var name in Env.Keys.Where(k => k.Length == 0 || k.Contains('=', StringComparison.Ordinal)))
        {
            errors.Add($"{prefix}.env: '{name}' is not an environment variable name");
        }
    }
}

/// <summary><c>runtimes.opencode</c>: the <c>opencode serve</c> the agent starts or attaches to.</summary>
internal sealed class OpenCodeOptions : RuntimeOptions
{
    public const string DefaultHostname = "127.0.0.1";
    public const int DefaultPort = 4096;

    public OpenCodeOptions() => Binary = "opencode";

    [ConfigurationKeyName("port")]
    public int Port { get; set; } = DefaultPort;

    [ConfigurationKeyName("hostname")]
    public string Hostname { get; set; } = DefaultHostname;

    /// <summary>When set, sent as HTTP Basic (user <c>opencode</c>) and passed to a started server as OPENCODE_SERVER_PASSWORD.</summary>
    [ConfigurationKeyName("password")]
    public string? Password { get; set; }

    /// <summary>How long to wait for a started <c>opencode serve</c> to answer.</summary>
    [ConfigurationKeyName("startup_timeout_sec")]
    public int StartupTimeoutSec { get; set; } = 60;

    public static readonly IReadOnlySet<string> OwnKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "port", "hostname", "password", "startup_timeout_sec",
    };

    public string BaseUrl => $"http://{Hostname}:{Port}";

    public override void Validate(string prefix, List<string> errors)
    {
        base.Validate(prefix, errors);
        if (Port is < 1 or > 65535)
        {
            errors.Add($"{prefix}.port: {Port} is not a TCP port (1-65535)");
        }
        if (string.IsNullOrWhiteSpace(Hostname))
        {
            errors.Add($"{prefix}.hostname: must not be empty");
        }
        if (StartupTimeoutSec < 1)
        {
            errors.Add($"{prefix}.startup_timeout_sec: must be at least 1");
        }
    }
}

/// <summary><c>runtimes.claude-code</c>: one long-lived <c>claude -p</c> per session.</summary>
internal sealed class ClaudeCodeOptions : RuntimeOptions
{
    public ClaudeCodeOptions() => Binary = "claude";

    /// <summary>Ask hal's approvals before a tool runs (<c>--permission-prompt-tool</c> served by the agent); false leaves it to Claude's own settings.</summary>
    [ConfigurationKeyName("approvals")]
    public bool Approvals { get; set; } = true;

    /// <summary>Port of the agent's permission endpoint on 127.0.0.1; 0 picks a free one once and keeps it in the state directory.</summary>
    [ConfigurationKeyName("permission_port")]
    public int PermissionPort { get; set; }

    /// <summary>How long a stopped session's program gets to end after SIGTERM before SIGKILL.</summary>
    [ConfigurationKeyName("stop_grace_sec")]
    public int StopGraceSec { get; set; } = 5;

    public static readonly IReadOnlySet<string> OwnKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "approvals", "permission_port", "stop_grace_sec",
    };

    public override void Validate(string prefix, List<string> errors)
    {
        base.Validate(prefix, errors);
        if (PermissionPort is < 0 or > 65535)
        {
            errors.Add($"{prefix}.permission_port: {PermissionPort} is not a TCP port (1-65535, or 0 to pick one)");
        }
        if (StopGraceSec < 0)
        {
            errors.Add($"{prefix}.stop_grace_sec: must be 0 or more");
        }
    }
}



/// <summary>The <c>runtimes</c> section: one sub-section per runtime, each optional.</summary>
internal sealed class RuntimesOptions
{
    [ConfigurationKeyName(RuntimeNames.OpenCode)]
    public OpenCodeOptions OpenCode { get; set; } = new();

    [ConfigurationKeyName(RuntimeNames.ClaudeCode)]
    public ClaudeCodeOptions ClaudeCode { get; set; } = new();

    [ConfigurationKeyName(RuntimeNames.Codex)]
    public CodexOptions Codex { get; set; } = new();

    [ConfigurationKeyName(RuntimeNames.Tmux)]
    public TmuxOptions Tmux { get; set; } = new();

    public static readonly IReadOnlyList<string> Names = [RuntimeNames.OpenCode, RuntimeNames.ClaudeCode, RuntimeNames.Codex, RuntimeNames.Tmux];

    public RuntimeOptions For(string name) => name switch
    {
        RuntimeNames.OpenCode => OpenCode,
        RuntimeNames.ClaudeCode => ClaudeCode,
        RuntimeNames.Codex => Codex,
        RuntimeNames.Tmux => Tmux,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown runtime"),
    };

    /// <summary>The keys <c>runtimes.&lt;name&gt;</c> accepts.</summary>
    public static IReadOnlySet<string> KeysOf(string name)
    {
        var own = name switch
        {
            RuntimeNames.OpenCode => OpenCodeOptions.OwnKeys,
            RuntimeNames.ClaudeCode => ClaudeCodeOptions.OwnKeys,
            RuntimeNames.Codex => CodexOptions.OwnKeys,
            RuntimeNames.Tmux => TmuxOptions.OwnKeys,
            _ => new HashSet<string>(),
        };
        return new HashSet<string>(RuntimeOptions.CommonKeys.Concat(own), StringComparer.OrdinalIgnoreCase);
    }

    public void Validate(List<string> errors)
    {
        foreach (var name in Names)
        {
            For(name).Validate($"runtimes.{name}", errors);
        }
    }
}
