namespace HalOSwarm.Supervisor.Cost.Providers;

/// <summary>
/// Rows summed to one per stored key (day, scope id, model / line item): a provider may split a group over rows of
/// dimensions we do not keep, and the table's key must still be unique.
/// </summary>
internal static class ProviderRows
{
    public static IReadOnlyList<ProviderUsageRow> SumUsage(IEnumerable<ProviderUsageRow> rows) =>
        [.. rows.GroupBy(r => (r.Day, r.ScopeId, r.Model)).Select(g => g.First() with
        {
            InputTokens = g.Sum(r => r.InputTokens),
            OutputTokens = g.Sum(r => r.OutputTokens),
            CacheReadTokens = g.Sum(r => r.CacheReadTokens),
            CacheWriteTokens = g.Sum(r => r.CacheWriteTokens),
            Requests = g.Any(r => r.Requests is not null) ? g.Sum(r => r.Requests ?? 0) : null,
        })];

    public static IReadOnlyList<ProviderCostRow> SumCosts(IEnumerable<ProviderCostRow> rows) =>
        [.. rows.GroupBy(r => (r.Day, r.ScopeId, r.LineItem)).Select(g => g.First() with { AmountUsd = g.Sum(r => r.AmountUsd) })];
}
