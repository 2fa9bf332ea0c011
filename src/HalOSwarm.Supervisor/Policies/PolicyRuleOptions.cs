using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Policies;

/// <summary>
/// What every policy has: a switch, a cap on interventions per session, and the quiet time after which the count
/// starts again.
/// </summary>
internal abstract class PolicyRuleOptions
{
    [ConfigurationKeyName("enabled")]
    public bool Enabled { get; set; }

    /// <summary>Interventions on one session before the policy stops and records <c>cap_reached</c>.</summary>
    [ConfigurationKeyName("max_retries")]
    public int MaxRetries { get; set; } = 3;

    /// <summary>Seconds without an intervention by this policy after which a session's count is reset.</summary>
    [ConfigurationKeyName("retry_reset_seconds")]
    public int RetryResetSeconds { get; set; } = 3600;

    public TimeSpan RetryReset => TimeSpan.FromSeconds(RetryResetSeconds);
}
