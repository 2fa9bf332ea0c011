namespace HalOSwarm.Supervisor.Environments;

/// <summary>One item of an <c>env.check.failed</c> or <c>env.drift.detected</c> event: never a variable's value (only set/unset).</summary>
internal sealed record EnvItemChange(string Id, string Kind, string Verdict, string? Expected, string? Actual, string? Detail);
