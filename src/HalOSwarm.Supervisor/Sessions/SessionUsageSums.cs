namespace HalOSwarm.Supervisor.Sessions;

/// <summary>One session's usage events of a batch, added up so the session row is updated once per batch, not per event.</summary>
internal sealed class SessionUsageSums
{
    public long Input { get; private set; }

    public long Output { get; private set; }

    public long Reasoning { get; private set; }

    public long CacheRead { get; private set; }

    public long CacheWrite { get; private set; }

    public double CostUsd { get; private set; }

    /// <summary>The latest event's context size.</summary>
    public long ContextTokens { get; private set; }

    /// <summary>The latest model named, or null when none was.</summary>
    public string? Model { get; private set; }

    public void Add(long input, long output, long reasoning, long cacheRead, long cacheWrite, double costUsd, long contextTokens, string? model)
    {
        Input += input;
        Output += output;
        Reasoning += reasoning;
        CacheRead += cacheRead;
        CacheWrite += cacheWrite;
        CostUsd += costUsd;
        ContextTokens = contextTokens;
        Model = model ?? Model;
    }
}
