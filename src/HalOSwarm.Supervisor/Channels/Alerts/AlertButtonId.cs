using System.Globalization;

namespace HalOSwarm.Supervisor.Channels.Alerts;

/// <summary>
/// What a button carries back when clicked (Discord <c>custom_id</c>, Slack <c>action_id</c>/<c>value</c>, Telegram
/// <c>callback_data</c>): <c>hal:ACTION:ALERT_ID</c>, at most 40 ASCII bytes (Telegram allows 64).
/// </summary>
internal static class AlertButtonId
{
    private const string Prefix = "hal:";

    public static string Format(string action, long alertId) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{action}:{alertId}");

    /// <summary>False for anything not made by <see cref="Format"/> with a known action.</summary>
    public static bool TryParse(string? value, out string action, out long alertId)
    {
        action = "";
        alertId = 0;
        if (value is null || value.Length > 40 || !value.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }
        var rest = value.AsSpan(Prefix.Length);
        var colon = rest.IndexOf(':');
        if (colon <= 0)
        {
            return false;
        }
        var name = rest[..colon].ToString();
        if (!AlertActions.All.Contains(name)
            || !long.TryParse(rest[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out alertId) || alertId <= 0)
        {
            return false;
        }
        action = name;
        return true;
    }
}
