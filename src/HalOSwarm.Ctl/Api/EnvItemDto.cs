namespace HalOSwarm.Ctl.Api;

/// <summary>One item of a node's environment report.</summary>
internal sealed record EnvItemDto(string Id, string Kind, string? Expected, string? Actual, string Verdict, string? Fix, string? Detail);
