namespace HalOSwarm.Supervisor.Cost.Budgets;

/// <summary>What a budget does at 100 %.</summary>
internal static class BudgetActions
{
    /// <summary>A <c>cost.threshold</c> event only.</summary>
    public const string Alert = "alert";

    /// <summary>Refuses starting (and restarting) sessions in its scope.</summary>
    public const string BlockNew = "block_new";

    /// <summary>Aborts running turns in its scope, holds prompts sent to its sessions and refuses starts.</summary>
    public const string Pause = "pause";

    /// <summary>Kills the sessions in its scope, those of <c>cost.critical_projects</c> only from <see cref="CriticalKillPercent"/>.</summary>
    public const string Kill = "kill";

    /// <summary>The spend, in percent of the limit, at which a <c>kill</c> budget also kills sessions of critical projects.</summary>
    public const int CriticalKillPercent = 120;

    public static readonly string[] All = [Alert, BlockNew, Pause, Kill];
}
