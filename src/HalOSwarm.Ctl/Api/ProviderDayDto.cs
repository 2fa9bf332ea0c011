namespace HalOSwarm.Ctl.Api;

internal sealed record ProviderDayDto(string Date, decimal MeteredUsd, decimal? BilledUsd, decimal? DifferenceUsd);
