namespace HalOSwarm.Ctl.Api;

/// <summary>A provider over the period's UTC days: its poller's status, metered (ours) and billed (theirs), billed − metered.</summary>
internal sealed record ProviderReconciliationDto(
    string Provider,
    string Status,
    DateTimeOffset? LastSuccessAt,
    string? Error,
    decimal MeteredUsd,
    decimal? BilledUsd,
    decimal? DifferenceUsd,
    IReadOnlyList<ProviderDayDto> Days);
