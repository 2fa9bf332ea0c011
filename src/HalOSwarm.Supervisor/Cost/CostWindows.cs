namespace HalOSwarm.Supervisor.Cost;

/// <summary>The budget windows, in <c>cost.time_zone</c>.</summary>
internal static class CostWindows
{
    public const string Daily = "daily";
    public const string Weekly = "weekly";
    public const string Monthly = "monthly";

    public static readonly string[] All = [Daily, Weekly, Monthly];
}
