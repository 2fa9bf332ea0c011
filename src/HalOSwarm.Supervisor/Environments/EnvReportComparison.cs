using HalOSwarm.Protocol.Environments;

namespace HalOSwarm.Supervisor.Environments;

/// <summary>What a new check report says compared with the previous one of the same project on the same node.</summary>
internal static class EnvReportComparison
{
    /// <summary>
    /// The <c>env.check.failed</c> data when <paramref name="current"/> is not ready and its verdict or its failing items
    /// (id and verdict) differ from <paramref name="previous"/>'s; null otherwise, so a steady failure is told once.
    /// </summary>
    public static EnvCheckFailedData? Failed(string nodeId, EnvCheckReport? previous, EnvCheckReport current)
    {
        if (current.Verdict == EnvVerdicts.Ready)
        {
            return null;
        }
        var failing = NotReady(current).ToList();
        if (previous is not null && previous.Verdict == current.Verdict
            && Keys(NotReady(previous)).SetEquals(Keys(failing)))
        {
            return null;
        }
        return new EnvCheckFailedData(nodeId, current.Project, current.Verdict, [.. failing.Select(Change)]);
    }

    /// <summary>The <c>env.drift.detected</c> data when items ready in <paramref name="previous"/> are not in <paramref name="current"/>.</summary>
    public static EnvDriftDetectedData? Drift(string nodeId, EnvCheckReport? previous, EnvCheckReport current)
    {
        if (previous is null)
        {
            return null;
        }
        var wasReady = previous.Items.Where(i => i.Verdict == EnvVerdicts.Ready).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var drifted = NotReady(current).Where(i => wasReady.Contains(i.Id)).Select(Change).ToList();
        return drifted.Count == 0 ? null : new EnvDriftDetectedData(nodeId, current.Project, current.Verdict, drifted);
    }

    private static IEnumerable<EnvItemResult> NotReady(EnvCheckReport report) => report.Items.Where(i => i.Verdict != EnvVerdicts.Ready);

    private static HashSet<string> Keys(IEnumerable<EnvItemResult> items) => items.Select(i => i.Id + "\n" + i.Verdict).ToHashSet(StringComparer.Ordinal);

    private static EnvItemChange Change(EnvItemResult item) => new(item.Id, item.Kind, item.Verdict, item.Expected, item.Actual, item.Detail);
}
