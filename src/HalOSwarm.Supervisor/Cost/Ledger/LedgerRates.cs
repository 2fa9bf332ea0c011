namespace HalOSwarm.Supervisor.Cost.Ledger;

/// <summary>
/// Prices usage the program reported no cost for from <c>cost.rates</c>: the first entry whose <c>model</c> glob matches
/// (case-insensitive, <c>*</c> = any run of characters), USD per million tokens, reasoning at the output price when its
/// own is 0. Which entry a model matches is remembered (a bounded cache), since the same few models repeat.
/// </summary>
internal sealed class LedgerRates(IReadOnlyList<ModelRateOptions> rates)
{
    private const int CacheLimit = 10_000;
    private const decimal PerMillion = 1_000_000m;
    private readonly Dictionary<string, ModelRateOptions?> _byModel = new(StringComparer.Ordinal);

    /// <summary>The rate for <paramref name="model"/>, or null when no entry matches.</summary>
    public ModelRateOptions? Find(string model)
    {
        if (_byModel.TryGetValue(model, out var rate))
        {
            return rate;
        }
        rate = null;
        foreach (var candidate in rates)
        {
            if (Glob.Matches(candidate.Model, model))
            {
                rate = candidate;
                break;
            }
        }
        if (_byModel.Count >= CacheLimit)
        {
            _byModel.Clear();
        }
        _byModel[model] = rate;
        return rate;
    }

    /// <summary>The price of <paramref name="usage"/>'s tokens at <paramref name="rate"/> in USD.</summary>
    public static decimal Price(in LedgerUsage usage, ModelRateOptions rate)
    {
        var reasoning = rate.ReasoningPerMtok > 0 ? rate.ReasoningPerMtok : rate.OutputPerMtok;
        return (usage.Input * rate.InputPerMtok
                + usage.Output * rate.OutputPerMtok
                + usage.Reasoning * reasoning
                + usage.CacheRead * rate.CacheReadPerMtok
                + usage.CacheWrite * rate.CacheWritePerMtok) / PerMillion;
    }
}
