namespace HalOSwarm.Supervisor.Configuration;

/// <summary>
/// Another name a config key is read under, e.g. the name the seed README used before the key was renamed
/// (<c>policies.resume_on_idle.idle_threshold_seconds</c> for <c>idle_seconds</c>). <c>--validate</c> accepts it and
/// names the preferred key; setting both names of one key is an error.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true)]
internal sealed class ConfigAliasAttribute(string name) : Attribute
{
    /// <summary>The alias, relative to the property's section (as in its <c>ConfigurationKeyName</c>).</summary>
    public string Name { get; } = name;
}
