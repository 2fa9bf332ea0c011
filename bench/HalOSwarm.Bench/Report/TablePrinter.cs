using System.Globalization;

namespace HalOSwarm.Bench.Report;

/// <summary>Prints scenario results as a plain text table.</summary>
internal static class TablePrinter
{
    public static void Print(TextWriter output, ScenarioResult result)
    {
        output.WriteLine();
        var parameters = string.Join(", ", result.Parameters.Select(p => $"{p.Key}={p.Value}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"== {result.Name} ({result.Seconds:0.0} s) {parameters}"));
        foreach (var metric in result.Metrics)
        {
            var value = double.IsNaN(metric.Value) ? "n/a" : metric.Value.ToString(Math.Abs(metric.Value) >= 100 ? "#,0" : "0.##", CultureInfo.InvariantCulture);
            var verdict = metric.Met switch { true => "ok", false => "MISSED", null => "" };
            output.WriteLine($"  {metric.Name,-40} {value,14} {metric.Unit,-8} {metric.Target ?? "",-12} {verdict}");
        }
        foreach (var note in result.Notes)
        {
            output.WriteLine($"  note: {note}");
        }
        foreach (var failure in result.Failures.Take(10))
        {
            output.WriteLine($"  FAIL: {failure}");
        }
        if (result.Failures.Count > 10)
        {
            output.WriteLine($"  FAIL: … and {result.Failures.Count - 10} more");
        }
    }
}
