namespace HalOSwarm.Ctl.Api;

/// <summary>The report's local days (inclusive) in the supervisor's <c>cost.time_zone</c>, and how many of them have begun.</summary>
internal sealed record CostPeriodDto(string Name, string From, string To, string TimeZone, int Days, int DaysElapsed, string UtcFrom, string UtcTo);
