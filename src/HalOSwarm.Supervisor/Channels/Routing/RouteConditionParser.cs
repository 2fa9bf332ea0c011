using System.Globalization;

namespace HalOSwarm.Supervisor.Channels.Routing;

/// <summary>
/// The <c>where</c> grammar (docs/CHANNELS.md "Routing"): <c>FIELD OP VALUE</c> with FIELD one of <c>type</c>,
/// <c>session</c>, <c>node</c>, <c>project</c> or <c>data.PATH</c>; OP one of <c>==</c>, <c>!=</c>, <c>contains</c>,
/// <c>!contains</c>, <c>startswith</c>, <c>in</c> (a comma list), <c>&gt;</c>, <c>&gt;=</c>, <c>&lt;</c>, <c>&lt;=</c>
/// (numbers); VALUE a word or a double-quoted text. Besides: <c>idle_for &gt; DURATION</c> and
/// <c>count &gt;= N within DURATION</c>.
/// </summary>
internal static class RouteConditionParser
{
    public const int MaxLength = 500;
    public const int MaxDataDepth = 8;

    public static readonly IReadOnlyList<string> Fields = ["type", "session", "node", "project"];
    public static readonly IReadOnlyList<string> Ops = ["==", "!=", "contains", "!contains", "startswith", "in", ">", ">=", "<", "<="];

    public static RouteCondition? Parse(string? text, out string? error)
    {
        error = null;
        var source = text?.Trim() ?? "";
        if (source.Length == 0 || source.Length > MaxLength)
        {
            error = source.Length == 0 ? "is empty" : $"is longer than {MaxLength} characters";
            return null;
        }
        var first = source.IndexOf(' ', StringComparison.Ordinal);
        var second = first < 0 ? -1 : source.IndexOf(' ', first + 1);
        if (first < 0 || second < 0)
        {
            error = $"'{source}': expected FIELD OP VALUE (e.g. project == alpha, idle_for > 5m, count >= 3 within 10m)";
            return null;
        }
        var field = source[..first];
        var op = source[(first + 1)..second];
        var value = source[(second + 1)..].Trim();
        if (field == "idle_for")
        {
            return ParseIdle(op, value, out error);
        }
        if (field == "count")
        {
            return ParseCount(op, value, out error);
        }
        return ParseField(field, op, value, out error);
    }

    private static RouteCondition? ParseIdle(string op, string value, out string? error)
    {
        error = null;
        if (op is not (">" or ">=") || !RouteDuration.TryParse(value, out var window) || window < TimeSpan.FromMinutes(1) || window > TimeSpan.FromDays(7))
        {
            error = $"'idle_for {op} {value}': expected idle_for > DURATION between 1m and 7d (e.g. idle_for > 5m)";
            return null;
        }
        return new RouteCondition(RouteConditionKind.IdleFor, "idle_for", op, value) { Window = window };
    }

    private static RouteCondition? ParseCount(string op, string value, out string? error)
    {
        error = null;
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (op is not (">=" or ">") || parts.Length != 3 || parts[1] != "within"
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            || !RouteDuration.TryParse(parts[2], out var window))
        {
            error = $"'count {op} {value}': expected count >= N within DURATION (e.g. count >= 3 within 10m)";
            return null;
        }
        var needed = op == ">" ? n + 1 : n;
        if (needed < 1 || needed > 1000 || window > TimeSpan.FromDays(1))
        {
            error = $"'count {op} {value}': N must be 1..1000 and the window at most 1d";
            return null;
        }
        return new RouteCondition(RouteConditionKind.Count, "count", op, value) { Count = needed, Window = window };
    }

    private static RouteCondition? ParseField(string field, string op, string value, out string? error)
    {
        error = null;
        string[] path = [];
        if (field.StartsWith("data.", StringComparison.Ordinal))
        {
            path = field[5..].Split('.');
            if (path.Length > MaxDataDepth || path.Any(p => p.Length == 0))
            {
                error = $"'{field}': a data path is data.NAME[.NAME…], at most {MaxDataDepth} names";
                return null;
            }
        }
        else if (!Fields.Contains(field))
        {
            error = $"unknown field '{field}'; known: {string.Join(", ", Fields)}, data.NAME, idle_for, count";
            return null;
        }
        if (!Ops.Contains(op))
        {
            error = $"unknown operator '{op}'; known: {string.Join(", ", Ops)}";
            return null;
        }
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
        {
            value = value[1..^1];
        }
        else if (value.Length == 0 || value.Contains('"', StringComparison.Ordinal))
        {
            error = $"'{field} {op} {value}': the value is a word or a \"quoted text\"";
            return null;
        }
        double? number = null;
        if (op is ">" or ">=" or "<" or "<=")
        {
            if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
            {
                error = $"'{field} {op} {value}': {op} compares numbers";
                return null;
            }
            number = parsed;
        }
        return new RouteCondition(RouteConditionKind.Field, field, op, value)
        {
            DataPath = path,
            Number = number,
            Values = op == "in" ? value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [],
        };
    }
}
