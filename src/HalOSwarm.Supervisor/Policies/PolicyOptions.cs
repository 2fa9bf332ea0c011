using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Policies;

/// <summary>The <c>policies</c> section: the engine's tick and one nested section per policy (all off by default).</summary>
internal sealed class PolicyOptions
{
    public const string SectionName = "policies";

    [ConfigurationKeyName("tick_seconds")]
    public int TickSeconds { get; set; } = 5;

    [ConfigurationKeyName("resume_on_idle")]
    public ResumeOnIdleOptions ResumeOnIdle { get; } = new();

    [ConfigurationKeyName("restart_on_compaction")]
    public RestartOnCompactionOptions RestartOnCompaction { get; } = new();

    [ConfigurationKeyName("kill_on_cost")]
    public KillOnCostOptions KillOnCost { get; } = new();

    [ConfigurationKeyName("error_loop")]
    public ErrorLoopOptions ErrorLoop { get; } = new();

    [ConfigurationKeyName("stuck")]
    public StuckOptions Stuck { get; } = new();

    [ConfigurationKeyName("resume_after_rate_limit")]
    public ResumeAfterRateLimitOptions ResumeAfterRateLimit { get; } = new();

    public TimeSpan Tick => TimeSpan.FromSeconds(TickSeconds);

    public bool AnyEnabled =>
        ResumeOnIdle.Enabled || RestartOnCompaction.Enabled || KillOnCost.Enabled || ErrorLoop.Enabled || Stuck.Enabled || ResumeAfterRateLimit.Enabled;
}
