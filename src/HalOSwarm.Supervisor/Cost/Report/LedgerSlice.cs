namespace HalOSwarm.Supervisor.Cost.Report;

/// <summary>What <see cref="CostLedgerReader"/> read: totals, the first rows, how many groups there are, metered per provider and UTC day.</summary>
internal sealed record LedgerSlice(CostAmounts Totals, IReadOnlyList<CostRow> Rows, long Groups, IReadOnlyList<MeteredDay> Metered);
