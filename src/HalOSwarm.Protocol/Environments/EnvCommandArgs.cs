namespace HalOSwarm.Protocol.Environments;

/// <summary>The args of <see cref="CommandTypes.EnvCheck"/>: the project's compiled manifest.</summary>
public sealed record EnvCheckArgs(IReadOnlyList<EnvItem> Items);

/// <summary>The args of <see cref="CommandTypes.EnvApply"/>: the items to fix (only those), and whether to only say what would be done.</summary>
public sealed record EnvApplyArgs(IReadOnlyList<EnvItem> Items, bool DryRun = false);
