namespace HalOSwarm.Supervisor.Cost.Report;

/// <summary>Pay-per-token spend booked to a provider on a UTC day.</summary>
internal sealed record MeteredDay(string Provider, DateOnly Day, decimal MeteredUsd);
