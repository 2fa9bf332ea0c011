using System.Text.Json;
using HalOSwarm.Protocol;

namespace HalOSwarm.Supervisor.Tests.Cost;

/// <summary>
/// Agent events that put spend into the ledger at a chosen time: a session's <c>session.created</c> (its project) and
/// <c>usage</c> events, which the ledger books at the time they carry.
/// </summary>
internal static class UsageEvents
{
    public static AgentEvent Created(long seq, string sessionId, string project) =>
        new(seq, EventTypes.SessionCreated, sessionId, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), Parse(LedgerRows.Created(project, "opencode")));

    public static AgentEvent At(long seq, DateTimeOffset ts, string sessionId, string provider, string model, decimal cost, long input = 0, long output = 0,
        long reasoning = 0, long cacheRead = 0, long cacheWrite = 0) =>
        new(seq, EventTypes.Usage, sessionId, ts, Parse(LedgerRows.Usage($"m{seq}", provider, model, input, output, cost, reasoning, cacheRead, cacheWrite)));

    /// <summary>The instant of local time <paramref name="time"/> on local day <paramref name="day"/> in <paramref name="zone"/>.</summary>
    public static DateTimeOffset Local(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    public static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
