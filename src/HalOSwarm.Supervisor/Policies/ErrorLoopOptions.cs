using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Policies;

/// <summary>The <c>policies.error_loop</c> section.</summary>
internal sealed class ErrorLoopOptions : PolicyRuleOptions
{
    public const string SectionName = "policies.error_loop";

    public const string AlertAction = "alert";
    public const string RestartAction = "restart";

    public ErrorLoopOptions() => MaxRetries = 2;

    /// <summary>Consecutive <c>session.error</c>s with no successful turn in between.</summary>
    [ConfigurationKeyName("max_errors")]
    public int MaxErrors { get; set; } = 3;

    /// <summary><c>alert</c>, or <c>restart</c> (alert, then restart with handover once the session is idle).</summary>
    [ConfigurationKeyName("action")]
    public string Action { get; set; } = AlertAction;
}
