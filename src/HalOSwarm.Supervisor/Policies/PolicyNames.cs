namespace HalOSwarm.Supervisor.Policies;

/// <summary>Policy names: the config section under <c>policies</c>, the event type after <c>policy.</c>, the actor after <c>policy:</c>.</summary>
internal static class PolicyNames
{
    public const string ResumeOnIdle = "resume_on_idle";
    public const string RestartOnCompaction = "restart_on_compaction";
    public const string KillOnCost = "kill_on_cost";
    public const string ErrorLoop = "error_loop";
    public const string Stuck = "stuck";
    public const string ResumeAfterRateLimit = "resume_after_rate_limit";
}
