namespace HalOSwarm.Deploy.Tests;

/// <summary>
/// The tests that build in the source tree (<c>./dev up</c> builds, <c>./dev publish</c> restores for a runtime id): they
/// share each project's <c>obj/project.assets.json</c>, so they run one after another, never at once.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SourceTreeBuilds
{
    public const string Name = "builds in the source tree";
}
