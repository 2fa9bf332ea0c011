using System.Globalization;

namespace HalOSwarm.Supervisor.Channels.Routing;

/// <summary>Whether a field condition holds for an event. A missing field holds only for <c>!=</c> and <c>!contains</c>.</summary>
internal static class RouteConditionEvaluator
{
    public static bool Holds(RouteCondition condition, RouteFacts facts)
    {
        var actual = facts.Get(condition.Field, condition.DataPath);
        if (actual is null)
        {
            return condition.Op is "!=" or "!contains";
        }
        return condition.Op switch
        {
            "==" => string.Equals(actual, condition.Value, StringComparison.Ordinal),
            "!=" => !string.Equals(actual, condition.Value, StringComparison.Ordinal),
            "contains" => actual.Contains(condition.Value, StringComparison.OrdinalIgnoreCase),
            "!contains" => !actual.Contains(condition.Value, StringComparison.OrdinalIgnoreCase),
            "startswith" => actual.StartsWith(condition.Value, StringComparison.Ordinal),
            "in" => condition.Values.Contains(actual, StringComparer.Ordinal),
            _ => Compare(condition, actual),
        };
    }

    private static bool Compare(RouteCondition condition, string actual)
    {
        if (condition.Number is not { } expected || !double.TryParse(actual, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }
        return condition.Op switch
        {
            ">" => value > expected,
            ">=" => value >= expected,
            "<" => value < expected,
            "<=" => value <= expected,
            _ => false,
        };
    }
}
