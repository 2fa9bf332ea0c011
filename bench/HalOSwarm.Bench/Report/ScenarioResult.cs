namespace HalOSwarm.Bench.Report;

/// <summary>
/// What one scenario measured. <see cref="Failures"/> lists correctness failures (lost, duplicated or
/// undrained events, dropped connections); any makes the bench exit non-zero. Missed targets do not.
/// </summary>
internal sealed class ScenarioResult
{
    public ScenarioResult(string name) => Name = name;

    /// <summary>The scenario's name; with the database in brackets when the run covers PostgreSQL.</summary>
    public string Name { get; private set; }

    public void Rename(string name) => Name = name;

    public Dictionary<string, string> Parameters { get; } = new(StringComparer.Ordinal);

    public List<Metric> Metrics { get; } = [];

    public List<string> Failures { get; } = [];

    public List<string> Notes { get; } = [];

    public double Seconds { get; set; }

    public void Add(string name, double value, string unit) => Metrics.Add(new Metric(name, Math.Round(value, 3), unit));

    /// <summary>Adds a metric with a goal: at least <paramref name="min"/> or at most <paramref name="max"/>.</summary>
    public void Add(string name, double value, string unit, double? min = null, double? max = null)
    {
        var target = min is { } lo ? $">= {lo:0.###}" : max is { } hi ? $"<= {hi:0.###}" : null;
        var met = double.IsNaN(value) ? false : min is { } a ? value >= a : max is { } b ? value <= b : (bool?)null;
        Metrics.Add(new Metric(name, Math.Round(value, 3), unit, target, met));
    }
}
