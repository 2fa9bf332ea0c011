using HalOSwarm.Supervisor.Events;

namespace HalOSwarm.Supervisor.Dashboard.Ops;

/// <summary>How the events page shows an event's data: one line, cut at <see cref="MaxDataChars"/>.</summary>
internal static class EventRows
{
    public const int MaxDataChars = 300;

    public static string Data(StoredEvent stored)
    {
        var data = stored.Data;
        return data.Length <= MaxDataChars ? data : data[..MaxDataChars] + "…";
    }

    public static MudBlazor.Color Color(string type) =>
        type.EndsWith(".error", StringComparison.Ordinal) || type.StartsWith("budget.", StringComparison.Ordinal) ? MudBlazor.Color.Error
        : type.StartsWith("permission.", StringComparison.Ordinal) || type == "session.needs_input" ? MudBlazor.Color.Warning
        : type.StartsWith("tool.", StringComparison.Ordinal) ? MudBlazor.Color.Info
        : type.StartsWith("session.", StringComparison.Ordinal) ? MudBlazor.Color.Primary
        : MudBlazor.Color.Default;
}
