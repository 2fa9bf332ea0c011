using System.Globalization;
using HalOSwarm.Bench.Ceiling;
using HalOSwarm.Bench.Cli;
using HalOSwarm.Bench.Report;

namespace HalOSwarm.Bench.Scenarios;

/// <summary>
/// Measures the commit-latency floor (<see cref="CommitFloor"/>) at a scenario's rate, committing what is due in
/// transactions of at most the supervisor writer's batch (<see cref="SqliteCeiling.SupervisorBatch"/>), in two halves,
/// just before the scenario starts its supervisor and just after it stopped it (a machine shared with other work
/// changes within a minute; the two halves bracket the run), and adds it to the scenario's table next to the
/// figures it bounds.
/// </summary>
internal sealed class FloorStep
{
    /// <summary>Longest floor run (both halves): enough for p99 over a few dozen checkpoints, short next to the scenario.</summary>
    private static readonly TimeSpan s_maxDuration = TimeSpan.FromSeconds(20);
    private readonly ScenarioContext _context;
    private readonly ScenarioSettings _settings;
    private FloorResult? _before;

    public FloorStep(ScenarioContext context, ScenarioSettings settings)
    {
        _context = context;
        _settings = settings;
    }

    private string Synchronous => _context.Options.Synchronous ?? "normal";

    /// <summary>The floor's own warm-up: its loop and the first pages of a fresh file, not a server's JIT.</summary>
    private TimeSpan Warmup => _settings.Warmup < TimeSpan.FromSeconds(1) ? _settings.Warmup : TimeSpan.FromSeconds(1);

    private TimeSpan Half => TimeSpan.FromSeconds(Math.Max(1, Math.Min(_settings.Duration.TotalSeconds, s_maxDuration.TotalSeconds) / 2));

    public async Task BeforeAsync(CancellationToken cancellationToken) =>
        _before = await CommitFloor.MeasureAsync(_settings.Rate, SqliteCeiling.SupervisorBatch, Warmup, Half, Synchronous, cancellationToken);

    /// <summary>Measures the second half, adds the floor's metrics to <paramref name="result"/> and returns both halves as one.</summary>
    public async Task<FloorResult> AfterAsync(ScenarioResult result, CancellationToken cancellationToken)
    {
        var after = await CommitFloor.MeasureAsync(_settings.Rate, SqliteCeiling.SupervisorBatch, Warmup, Half, Synchronous, cancellationToken);
        var floor = _before is null ? after : _before.Merge(after);
        result.Parameters["synchronous"] = Synchronous;
        result.Add("floor p50 (bare sqlite commit loop)", floor.Latency.PercentileMs(50), "ms");
        result.Add("floor p99", floor.Latency.PercentileMs(99), "ms");
        result.Add("floor max", floor.Latency.MaxMs, "ms");
        result.Add("floor commit duration p99", floor.CommitDuration.PercentileMs(99), "ms");
        result.Add("floor events per commit", floor.Commits > 0 ? (double)floor.Events / floor.Commits : double.NaN, "n");
        var rate = _settings.Rate > 0 ? _settings.Rate.ToString("#,0", CultureInfo.InvariantCulture) : "max";
        result.Notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"floor: {floor.Events:#,0} events in {floor.Commits:#,0} commits over {floor.Seconds:0} s (half before the supervisor started, half after it stopped) at rate {rate}, at most {SqliteCeiling.SupervisorBatch} per commit (the writer's database.write_batch_events), synchronous={Synchronous}, {floor.Checkpoints} background checkpoints"));
        if (floor.Latency.Count == 0)
        {
            result.Failures.Add("the commit-latency floor measured no commits");
        }
        return floor;
    }
}
