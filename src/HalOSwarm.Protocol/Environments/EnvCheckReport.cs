namespace HalOSwarm.Protocol.Environments;

/// <summary>The result of <see cref="CommandTypes.EnvCheck"/>: every item of the manifest and the project's verdict (its worst item's).</summary>
public sealed record EnvCheckReport(string Project, string Verdict, IReadOnlyList<EnvItemResult> Items);
