namespace HalOSwarm.Supervisor.Dependencies;

/// <summary>
/// The <c>dependencies</c> section, keyed by project name:
/// <c>{"api": {"depends_on": ["schema"], "auto_start": true, "prompt": "…"}}</c>.
/// </summary>
internal sealed class DependencyOptions : Dictionary<string, DependencyProjectOptions>
{
    public const string SectionName = "dependencies";

    /// <summary>The config section of one entry, for key lookups (<c>dependencies.*.depends_on</c>).</summary>
    public const string EntrySectionName = "dependencies.*";

    public DependencyOptions()
        : base(StringComparer.Ordinal)
    {
    }
}
