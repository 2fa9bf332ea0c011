using System.Globalization;

namespace HalOSwarm.Supervisor.Dashboard.Ops;

/// <summary>How the audit page shows an entry's result, duration and long texts.</summary>
internal static class AuditRows
{
    public const int MaxShownChars = 300;

    public static string Shorten(string text) => text.Length <= MaxShownChars ? text : text[..MaxShownChars] + "…";

    public static string Duration(long? ms) => ms switch
    {
        null => "",
        < 1000 => ms.Value.ToString(CultureInfo.InvariantCulture) + " ms",
        _ => (ms.Value / 1000d).ToString("0.0", CultureInfo.InvariantCulture) + " s",
    };

    public static MudBlazor.Color Color(string result) => result switch
    {
        "failed" or "timed_out" or "cancelled" or "refused" or "rejected" or "forbidden" => MudBlazor.Color.Error,
        "pending" or "queued" or "sent" or "running" => MudBlazor.Color.Info,
        _ => MudBlazor.Color.Success,
    };
}
