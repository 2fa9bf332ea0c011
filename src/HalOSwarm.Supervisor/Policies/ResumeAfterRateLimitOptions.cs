using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Policies;

/// <summary>The <c>policies.resume_after_rate_limit</c> section.</summary>
internal sealed class ResumeAfterRateLimitOptions : PolicyRuleOptions
{
    public const string SectionName = "policies.resume_after_rate_limit";

    public ResumeAfterRateLimitOptions() => MaxRetries = 5;

    /// <summary>Wait when the provider gave no reset time.</summary>
    [ConfigurationKeyName("default_backoff_seconds")]
    public int DefaultBackoffSeconds { get; set; } = 900;

    /// <summary>Sessions are spread over this many seconds after the reset time (a stable offset per session).</summary>
    [ConfigurationKeyName("jitter_seconds")]
    public int JitterSeconds { get; set; } = 60;

    /// <summary>A parsed reset time further away than this is capped to it.</summary>
    [ConfigurationKeyName("max_wait_seconds")]
    public int MaxWaitSeconds { get; set; } = 86_400;
}
