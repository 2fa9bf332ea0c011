using System.Globalization;
using HalOSwarm.Bench.Target;

namespace HalOSwarm.Bench.Measure;

/// <summary>
/// Scrapes the supervisors' <c>/metrics</c> and compares the sum of their <c>hal_o_swarm_events_total</c> and
/// <c>hal_o_swarm_commands_total</c> with what their store holds (events by type; finished commands by type and
/// state). Counters count since each supervisor started, so their sum equals the store for a database they created.
/// </summary>
internal static class MetricsCheck
{
    private static readonly string[] s_counted = ["hal_o_swarm_events_total", "hal_o_swarm_commands_total"];

    /// <summary>
    /// Compares until the store holds still between two reads around the scrape (commits may land meanwhile);
    /// returns the one line to report and whether the counts matched.
    /// </summary>
    public static async Task<(bool Match, string Line)> CompareAsync(IReadOnlyList<HttpClient> supervisors, BenchStore store, CancellationToken cancellationToken)
    {
        Dictionary<string, long> scraped = [];
        Dictionary<string, long> stored = [];
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var before = await StoredAsync(store, cancellationToken);
            scraped = [];
            foreach (var http in supervisors)
            {
                foreach (var (key, value) in await ScrapeAsync(http, cancellationToken))
                {
                    scraped[key] = scraped.GetValueOrDefault(key) + value;
                }
            }
            stored = await StoredAsync(store, cancellationToken);
            if (Same(before, stored) && Same(scraped, stored))
            {
                return (true, string.Create(CultureInfo.InvariantCulture,
                    $"/metrics matches the store: events_total {Sum(scraped, s_counted[0]):#,0} = {Sum(stored, s_counted[0]):#,0} stored events, commands_total {Sum(scraped, s_counted[1]):#,0} = {Sum(stored, s_counted[1]):#,0} finished commands"));
            }
            await Task.Delay(200, cancellationToken);
        }
        var differences = stored.Keys.Union(scraped.Keys).Order(StringComparer.Ordinal)
            .Where(k => scraped.GetValueOrDefault(k) != stored.GetValueOrDefault(k))
            .Take(5)
            .Select(k => $"{k} {scraped.GetValueOrDefault(k)} vs {stored.GetValueOrDefault(k)} stored");
        return (false, "/metrics differs from the store: " + string.Join("; ", differences));
    }

    /// <summary>The two counters' series: <c>name{label=value,…}</c> (labels sorted) → value.</summary>
    public static async Task<Dictionary<string, long>> ScrapeAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var text = await http.GetStringAsync("metrics", cancellationToken);
        var series = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            var open = line.IndexOf('{', StringComparison.Ordinal);
            var close = line.LastIndexOf('}');
            if (line.StartsWith('#') || open < 0 || close < open || !s_counted.Contains(line[..open]))
            {
                continue;
            }
            var labels = line[(open + 1)..close].Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => l.Split('=', 2))
                .Select(p => (p[0], p[1].Trim('"')));
            var value = line[(close + 1)..].Trim().Split(' ')[0];
            series[Key(line[..open], labels)] = (long)double.Parse(value, CultureInfo.InvariantCulture);
        }
        return series;
    }

    public static async Task<Dictionary<string, long>> StoredAsync(BenchStore store, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var events = connection.CreateCommand())
        {
            events.CommandText = "SELECT type, COUNT(*) FROM events GROUP BY type";
            events.CommandTimeout = 600;
            await using var reader = await events.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                counts[Key(s_counted[0], [("type", reader.GetString(0))])] = reader.GetInt64(1);
            }
        }
        await using (var commands = connection.CreateCommand())
        {
            commands.CommandText = """
                SELECT type, state, COUNT(*) FROM commands WHERE state IN ('succeeded', 'failed', 'timed_out', 'cancelled') GROUP BY type, state
                """;
            await using var reader = await commands.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                counts[Key(s_counted[1], [("type", reader.GetString(0)), ("status", reader.GetString(1))])] = reader.GetInt64(2);
            }
        }
        return counts;
    }

    private static string Key(string name, IEnumerable<(string Name, string Value)> labels) =>
        name + "{" + string.Join(",", labels.OrderBy(l => l.Name, StringComparer.Ordinal).Select(l => $"{l.Name}={l.Value}")) + "}";

    private static long Sum(Dictionary<string, long> series, string name) =>
        series.Where(s => s.Key.StartsWith(name + "{", StringComparison.Ordinal)).Sum(s => s.Value);

    private static bool Same(Dictionary<string, long> a, Dictionary<string, long> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);
}
