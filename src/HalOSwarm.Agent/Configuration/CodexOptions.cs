using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Agent.Configuration;

/// <summary>
/// <c>runtimes.codex</c>: Codex threads, each in its own <c>codex app-server</c>. The agent writes
/// <c>config.toml</c> of its own CODEX_HOME from these keys (approval policy, sandbox, provider, trusted
/// project folders); <see cref="Rates"/> prices the tokens Codex reports (it reports no cost).
/// </summary>
internal sealed class CodexOptions : RuntimeOptions
{
    public static readonly IReadOnlyList<string> ApprovalPolicies = ["on-request", "never"];
    public static readonly IReadOnlyList<string> SandboxModes = ["read-only", "workspace-write", "danger-full-access"];

    public CodexOptions() => Binary = "codex";

    /// <summary>When Codex asks before running a command: <c>on-request</c> (when it needs more than the sandbox allows) or <c>never</c>.</summary>
    [ConfigurationKeyName("approval_policy")]
    public string ApprovalPolicy { get; set; } = "on-request";

    [ConfigurationKeyName("sandbox_mode")]
    public string SandboxMode { get; set; } = "workspace-write";

    /// <summary>A model provider other than Codex's built-in one (written as <c>[model_providers.NAME]</c>).</summary>
    [ConfigurationKeyName("provider")]
    public CodexProviderOptions? Provider { get; set; }

    /// <summary>Dollars per million tokens, per model.</summary>
    [ConfigurationKeyName("rates")]
    public Dictionary<string, CodexRateOptions> Rates { get; set; } = [];

    /// <summary>How long to wait for a started app-server to answer (initialize, thread/start).</summary>
    [ConfigurationKeyName("startup_timeout_sec")]
    public int StartupTimeoutSec { get; set; } = 60;

    public static readonly IReadOnlySet<string> OwnKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "approval_policy", "sandbox_mode", "provider", "rates", "startup_timeout_sec",
    };

    public override void Validate(string prefix, List<string> errors)
    {
        base.Validate(prefix, errors);
        if (!ApprovalPolicies.Contains(ApprovalPolicy))
        {
            errors.Add($"{prefix}.approval_policy: '{ApprovalPolicy}' is not one of {string.Join(", ", ApprovalPolicies)}");
        }
        if (!SandboxModes.Contains(SandboxMode))
        {
            errors.Add($"{prefix}.sandbox_mode: '{SandboxMode}' is not one of {string.Join(", ", SandboxModes)}");
        }
        if (StartupTimeoutSec < 1)
        {
            errors.Add($"{prefix}.startup_timeout_sec: must be at least 1");
        }
        Provider?.Validate($"{prefix}.provider", errors);
        foreach (var (model, rate) in Rates)
        {
            rate.Validate($"{prefix}.rates.{model}", errors);
        }
    }
}
