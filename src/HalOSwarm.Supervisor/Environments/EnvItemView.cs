namespace HalOSwarm.Supervisor.Environments;

/// <summary>One item of a node's report as the API shows it (a variable's actual is only <c>set</c> or <c>unset</c>).</summary>
internal sealed record EnvItemView(string Id, string Kind, string? Expected, string? Actual, string Verdict, string? Fix, string? Detail);
