namespace HalOSwarm.Supervisor.Configuration;

/// <summary>
/// A top-level section for a feature this supervisor does not have yet (<c>channels</c>, <c>cost</c>): a config written
/// for it is accepted, its contents are not read, and <c>--validate</c> reports it as not configured.
/// </summary>
internal sealed record ConfigPlaceholder
{
    public required string Name { get; init; }

    /// <summary>What the section is for, in a few words (<c>chat channels (Discord, Slack)</c>).</summary>
    public required string Description { get; init; }
}
