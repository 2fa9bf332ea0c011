using HalOSwarm.Supervisor.Configuration;
using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Policies;

/// <summary>The <c>policies.resume_on_idle</c> section.</summary>
internal sealed class ResumeOnIdleOptions : PolicyRuleOptions
{
    public const string SectionName = "policies.resume_on_idle";

    /// <summary>Seconds a session must have been idle (since its latest idle transition) before it is resumed.</summary>
    [ConfigurationKeyName("idle_seconds")]
    [ConfigAlias("idle_threshold_seconds")]
    public int IdleSeconds { get; set; } = 600;

    public TimeSpan IdleThreshold => TimeSpan.FromSeconds(IdleSeconds);
}
