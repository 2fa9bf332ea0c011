namespace HalOSwarm.Protocol.Environments;

/// <summary>How ready an item, or a whole project on a node, is; a project's verdict is its worst item's.</summary>
public static class EnvVerdicts
{
    /// <summary>As the manifest says.</summary>
    public const string Ready = "ready";
    /// <summary>There but not as the manifest says (version too old, content changed, other URL), or an optional item absent.</summary>
    public const string Degraded = "degraded";
    /// <summary>A required item is absent.</summary>
    public const string Missing = "missing";

    public static int Rank(string verdict) => verdict switch
    {
        Ready => 0,
        Degraded => 1,
        _ => 2,
    };

    public static string Worst(IEnumerable<string> verdicts) =>
        verdicts.Aggregate(Ready, (worst, next) => Rank(next) > Rank(worst) ? next : worst);
}
