using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Agent.ToolAuth;

/// <summary>
/// <c>tool_auth</c>: how often the agent asks its agent programs whether they are logged in, how long a remote
/// (device-code) login may wait for a person, and where Codex's device login goes (its OAuth issuer; default: Codex's own).
/// </summary>
internal sealed class ToolAuthOptions
{
    /// <summary>Seconds between two checks; a tool's status is reported only when it changed. 0 turns the periodic check off.</summary>
    [ConfigurationKeyName("interval_sec")]
    public int IntervalSec { get; set; } = 60;

    /// <summary>How long a device-code login may wait for the person to enter the code before the agent stops it.</summary>
    [ConfigurationKeyName("login_timeout_sec")]
    public int LoginTimeoutSec { get; set; } = 900;

    /// <summary>Codex's OAuth issuer for <c>codex login --device-auth</c> (its <c>--experimental_issuer</c>); null: Codex's default.</summary>
    [ConfigurationKeyName("codex_issuer")]
    public string? CodexIssuer { get; set; }

    public static readonly IReadOnlySet<string> Keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "interval_sec", "login_timeout_sec", "codex_issuer",
    };

    public void Validate(string prefix, List<string> errors)
    {
        if (IntervalSec < 0)
        {
            errors.Add($"{prefix}.interval_sec: must be 0 (off) or more");
        }
        if (LoginTimeoutSec is < 30 or > 3600)
        {
            errors.Add($"{prefix}.login_timeout_sec: must be 30-3600");
        }
        if (CodexIssuer is { } issuer && (!Uri.TryCreate(issuer, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            errors.Add($"{prefix}.codex_issuer: '{issuer}' is not an http(s) URL");
        }
    }
}
