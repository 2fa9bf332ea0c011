using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Policies;

/// <summary>The <c>policies.stuck</c> section.</summary>
internal sealed class StuckOptions : PolicyRuleOptions
{
    public const string SectionName = "policies.stuck";

    public const string AlertAction = "alert";
    public const string AbortResumeAction = "abort_resume";

    public StuckOptions() => MaxRetries = 2;

    /// <summary>Seconds a running session may go without any event.</summary>
    [ConfigurationKeyName("stuck_seconds")]
    public int StuckSeconds { get; set; } = 900;

    /// <summary><c>alert</c>, or <c>abort_resume</c> (abort the turn, then resume once the session is idle).</summary>
    [ConfigurationKeyName("action")]
    public string Action { get; set; } = AlertAction;

    public TimeSpan StuckThreshold => TimeSpan.FromSeconds(StuckSeconds);
}
