using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Policies;

/// <summary>The <c>policies.kill_on_cost</c> section; a limit of 0 is off.</summary>
internal sealed class KillOnCostOptions : PolicyRuleOptions
{
    public const string SectionName = "policies.kill_on_cost";

    public const string KillAction = "kill";
    public const string AlertAction = "alert";

    /// <summary><c>kill</c> or <c>alert</c> (record the decision only).</summary>
    [ConfigurationKeyName("action")]
    public string Action { get; set; } = KillAction;

    [ConfigurationKeyName("session_limit_usd")]
    public double SessionLimitUsd { get; set; }

    /// <summary>The fleet's spend since 00:00 UTC at which non-critical sessions are stopped.</summary>
    [ConfigurationKeyName("daily_limit_usd")]
    public double DailyLimitUsd { get; set; }

    /// <summary>The day's spend at which critical projects' sessions are stopped too; 0: never for the day's total.</summary>
    [ConfigurationKeyName("critical_daily_limit_usd")]
    public double CriticalDailyLimitUsd { get; set; }

    /// <summary>Projects stopped last by the daily limit.</summary>
    [ConfigurationKeyName("critical_projects")]
    public List<string> CriticalProjects { get; set; } = [];
}
