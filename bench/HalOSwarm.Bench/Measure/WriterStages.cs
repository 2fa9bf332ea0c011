using System.Globalization;
using HalOSwarm.Bench.Report;

namespace HalOSwarm.Bench.Measure;

/// <summary>
/// The supervisor's own timing histograms over the measured window: scraped from <c>/metrics</c> at its start and end,
/// the difference of the bucket counts gives each stage's p50 and p99 as the bucket bound they fall under (so "≤"):
/// an events frame read → its commit, an op's wait in the writer's lane, a batch begin → commit, each phase of a batch.
/// A supervisor without a histogram (an older build) simply has no line for it.
/// </summary>
internal static class WriterStages
{
    private static readonly (string Metric, string Label)[] s_stages =
    [
        ("hal_o_swarm_event_processing_duration_seconds", "supervisor frame read→commit"),
        ("hal_o_swarm_writer_wait_duration_seconds", "writer wait"),
        ("hal_o_swarm_writer_batch_duration_seconds", "writer batch"),
        ("hal_o_swarm_writer_phase_duration_seconds", "writer phase"),
    ];

    /// <summary>Series key (metric and its labels but <c>le</c>) → bucket bound → cumulative count; empty when the scrape fails.</summary>
    public static async Task<Dictionary<string, SortedDictionary<double, double>>> ScrapeAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var series = new Dictionary<string, SortedDictionary<double, double>>(StringComparer.Ordinal);
        string text;
        try
        {
            text = await http.GetStringAsync("metrics", cancellationToken);
        }
        catch (HttpRequestException)
        {
            return series;
        }
        foreach (var line in text.Split('\n'))
        {
            var open = line.IndexOf('{', StringComparison.Ordinal);
            var close = line.LastIndexOf('}');
            if (line.StartsWith('#') || open < 0 || close < open || !line[..open].EndsWith("_bucket", StringComparison.Ordinal))
            {
                continue;
            }
            var metric = line[..(open - "_bucket".Length)];
            if (!s_stages.Any(s => s.Metric == metric))
            {
                continue;
            }
            var labels = line[(open + 1)..close].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('=', 2)).ToList();
            var le = labels.FirstOrDefault(l => l[0] == "le")?[1].Trim('"');
            if (le is null)
            {
                continue;
            }
            var bound = le == "+Inf" ? double.PositiveInfinity : double.Parse(le, CultureInfo.InvariantCulture);
            var rest = string.Join(",", labels.Where(l => l[0] != "le").Select(l => $"{l[0]}={l[1].Trim('"')}").Order(StringComparer.Ordinal));
            var key = metric + "{" + rest + "}";
            if (!series.TryGetValue(key, out var buckets))
            {
                series[key] = buckets = [];
            }
            buckets[bound] = double.Parse(line[(close + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        return series;
    }

    /// <summary>Adds each stage's count, p50 and p99 over the window between the two scrapes.</summary>
    public static void Report(ScenarioResult result, Dictionary<string, SortedDictionary<double, double>> before,
        Dictionary<string, SortedDictionary<double, double>> after)
    {
        foreach (var (metric, label) in s_stages)
        {
            foreach (var (key, buckets) in after.Where(s => s.Key.StartsWith(metric + "{", StringComparison.Ordinal)).OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                var earlier = before.GetValueOrDefault(key);
                var delta = buckets.ToDictionary(b => b.Key, b => b.Value - (earlier?.GetValueOrDefault(b.Key) ?? 0));
                var total = delta.GetValueOrDefault(double.PositiveInfinity);
                if (total <= 0)
                {
                    continue;
                }
                var tags = key[(metric.Length + 1)..^1];
                var name = tags.Length > 0 ? $"{label} ({tags.Replace("lane=", "", StringComparison.Ordinal).Replace("phase=", "", StringComparison.Ordinal)})" : label;
                result.Add(name + " n", total, "n");
                result.Add(name + " p50 ≤", Bound(delta, total * 0.50), "ms");
                result.Add(name + " p99 ≤", Bound(delta, total * 0.99), "ms");
            }
        }
    }

    private static double Bound(Dictionary<double, double> cumulative, double rank) =>
        cumulative.Where(b => b.Value >= rank).Select(b => b.Key).DefaultIfEmpty(double.PositiveInfinity).Min() * 1000;
}
