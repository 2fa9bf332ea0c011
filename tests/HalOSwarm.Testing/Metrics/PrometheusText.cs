using System.Globalization;

namespace HalOSwarm.Testing.Metrics;

/// <summary>Reads a Prometheus text scrape: <c>name{label="value",…} value</c> lines, keyed <c>name{label=value,…}</c> (labels sorted).</summary>
public static class PrometheusText
{
    public static Dictionary<string, double> Parse(string text)
    {
        var series = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }
            var open = line.IndexOf('{', StringComparison.Ordinal);
            var close = line.LastIndexOf('}');
            string name, labels, rest;
            if (open >= 0 && close > open)
            {
                (name, labels, rest) = (line[..open], line[(open + 1)..close], line[(close + 1)..]);
            }
            else
            {
                var space = line.IndexOf(' ', StringComparison.Ordinal);
                (name, labels, rest) = (line[..space], "", line[space..]);
            }
            var sorted = labels.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('=', 2))
                .Select(p => $"{p[0]}={p[1].Trim('"')}").Order(StringComparer.Ordinal);
            series[$"{name}{{{string.Join(",", sorted)}}}"] = double.Parse(rest.Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        return series;
    }

    public static double Sum(IReadOnlyDictionary<string, double> series, string name) =>
        series.Where(s => s.Key.StartsWith(name + "{", StringComparison.Ordinal)).Sum(s => s.Value);
}
