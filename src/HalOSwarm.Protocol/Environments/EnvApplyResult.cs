namespace HalOSwarm.Protocol.Environments;

/// <summary>What applying one item did: <c>applied</c>, <c>would_apply</c> (dry run), <c>failed</c> (with the reason) or <c>skipped</c>.</summary>
public sealed record EnvApplyResult(string Id, string Outcome, string? Detail = null);

/// <summary>The result of <see cref="CommandTypes.EnvApply"/>.</summary>
public sealed record EnvApplyReport(string Project, bool DryRun, IReadOnlyList<EnvApplyResult> Items);
