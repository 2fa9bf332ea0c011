using System.Globalization;
using HalOSwarm.Bench.Report;

namespace HalOSwarm.Bench.Measure;

/// <summary>
/// The supervisor's own timing histograms over the measured window: scraped from <c>/metrics</c> at its start and end,
/// the difference of the bucket counts gives each stage's p50, p99 and max as the bucket bound they fall under (so "≤"):
/// an events frame read → its commit, an op's wait in the writer's lane, a batch begin → commit, each phase of a batch.
/// Next to them, the .NET runtime's counters over the same window (GC collections per generation and their summed
/// pause, bytes allocated, lock contentions), to tell a stall of the runtime from one of the writer.
/// A supervisor without a series (an older build) simply has no line for it.
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

    private static readonly (string Metric, string Label, double Scale, string Unit)[] s_counters =
    [
        ("dotnet_gc_collections_total", "supervisor GC collections", 1, "n"),
        ("dotnet_gc_pause_time_seconds_total", "supervisor GC pauses (sum)", 1000, "ms"),
        ("dotnet_gc_heap_total_allocated_bytes_total", "supervisor allocated", 1.0 / (1024 * 1024), "MiB"),
        ("dotnet_monitor_lock_contentions_total", "supervisor lock contentions", 1, "n"),
    ];

    /// <summary>One scrape: histogram series (metric and labels but <c>le</c> → bucket bound → cumulative count) and counters.</summary>
    public sealed record Scrape(Dictionary<string, SortedDictionary<double, double>> Histograms, Dictionary<string, double> Counters);

    /// <summary>Empty when the scrape fails.</summary>
    public static async Task<Scrape> ScrapeAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var scrape = new Scrape(new(StringComparer.Ordinal), new(StringComparer.Ordinal));
        string text;
        try
        {
            text = await http.GetStringAsync("metrics", cancellationToken);
        }
        catch (HttpRequestException)
        {
            return scrape;
        }
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith('#') || line.Length == 0)
            {
                continue;
            }
            var open = line.IndexOf('{', StringComparison.Ordinal);
            var close = line.LastIndexOf('}');
            var name = open < 0 ? line[..line.IndexOf(' ', StringComparison.Ordinal)] : line[..open];
            var labels = open < 0 || close < open ? [] : line[(open + 1)..close].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('=', 2)).ToList();
            var value = double.Parse(line[((close < 0 ? name.Length : close) + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            var rest = string.Join(",", labels.Where(l => l[0] != "le").Select(l => $"{l[0]}={l[1].Trim('"')}").Order(StringComparer.Ordinal));
            if (s_counters.Any(c => c.Metric == name))
            {
                scrape.Counters[name + "{" + rest + "}"] = value;
                continue;
            }
            if (!name.EndsWith("_bucket", StringComparison.Ordinal))
            {
                continue;
            }
            var metric = name[..^"_bucket".Length];
            var le = labels.FirstOrDefault(l => l[0] == "le")?[1].Trim('"');
            if (le is null || !s_stages.Any(s => s.Metric == metric))
            {
                continue;
            }
            var key = metric + "{" + rest + "}";
            if (!scrape.Histograms.TryGetValue(key, out var buckets))
            {
                scrape.Histograms[key] = buckets = [];
            }
            buckets[le == "+Inf" ? double.PositiveInfinity : double.Parse(le, CultureInfo.InvariantCulture)] = value;
        }
        return scrape;
    }

    /// <summary>Adds each stage's count, p50 and p99 over the window between the two scrapes.</summary>
    public static void Report(ScenarioResult result, Scrape before, Scrape after)
    {
        foreach (var (metric, label) in s_stages)
        {
            foreach (var (key, buckets) in after.Histograms.Where(s => s.Key.StartsWith(metric + "{", StringComparison.Ordinal)).OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                var earlier = before.Histograms.GetValueOrDefault(key);
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
                result.Add(name + " max ≤", Bound(delta, total), "ms");
            }
        }
        ReportCounters(result, before, after);
    }

    /// <summary>Adds each runtime counter's growth over the window (a counter per generation for the GC collections).</summary>
    private static void ReportCounters(ScenarioResult result, Scrape before, Scrape after)
    {
        foreach (var (metric, label, scale, unit) in s_counters)
        {
            foreach (var (key, value) in after.Counters.Where(c => c.Key.StartsWith(metric + "{", StringComparison.Ordinal)).OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                var tags = key[(metric.Length + 1)..^1].Replace("gc_heap_generation=", "", StringComparison.Ordinal);
                result.Add(tags.Length > 0 ? $"{label} ({tags})" : label, (value - before.Counters.GetValueOrDefault(key)) * scale, unit);
            }
        }
    }

    private static double Bound(Dictionary<double, double> cumulative, double rank) =>
        cumulative.Where(b => b.Value >= rank).Select(b => b.Key).DefaultIfEmpty(double.PositiveInfinity).Min() * 1000;
}
