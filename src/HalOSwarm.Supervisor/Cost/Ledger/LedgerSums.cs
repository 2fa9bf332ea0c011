namespace HalOSwarm.Supervisor.Cost.Ledger;

/// <summary>What one batch adds to one <c>cost_ledger</c> row (written once per row when the batch is flushed).</summary>
internal sealed class LedgerSums(string nodeId, string project, string runtime, bool equivalent)
{
    public string NodeId { get; } = nodeId;

    public string Project { get; } = project;

    public string Runtime { get; } = runtime;

    public bool Equivalent { get; } = equivalent;

    public long Messages { get; private set; }

    public long PricedMessages { get; private set; }

    public long Input { get; private set; }

    public long Output { get; private set; }

    public long Reasoning { get; private set; }

    public long CacheRead { get; private set; }

    public long CacheWrite { get; private set; }

    public long CostNanos { get; private set; }

    public void Add(in LedgerUsage usage, long costNanos, bool priced)
    {
        Messages++;
        PricedMessages += priced ? 1 : 0;
        Input += usage.Input;
        Output += usage.Output;
        Reasoning += usage.Reasoning;
        CacheRead += usage.CacheRead;
        CacheWrite += usage.CacheWrite;
        CostNanos += costNanos;
    }
}
