namespace HalOSwarm.Supervisor.Cost.Providers;

/// <summary>
/// Everything one provider reported for the UTC days <see cref="FirstDay"/>..<see cref="LastDay"/>: stored, it replaces
/// what an earlier poll stored for those days, so a repeated poll never adds.
/// </summary>
internal sealed record ProviderFetch(string Provider, DateOnly FirstDay, DateOnly LastDay, IReadOnlyList<ProviderUsageRow> Usage, IReadOnlyList<ProviderCostRow> Costs);
