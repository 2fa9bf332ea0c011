using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Configuration;

/// <summary>
/// Makes a value written under an alias (<see cref="ConfigAliasAttribute"/>) the value of its preferred key, so binding,
/// type checks and validators only ever see the preferred name.
/// </summary>
internal static class ConfigAliases
{
    /// <summary>
    /// Adds, as the next source of <paramref name="builder"/>, the alias values <paramref name="source"/> holds under their
    /// preferred keys; a later source (the environment, overrides) still wins over them.
    /// </summary>
    public static void AddResolved(IConfigurationBuilder builder, IConfiguration source, ConfigKeys keys)
    {
        var resolved = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (alias, preferred) in keys.Aliases)
        {
            if (source[SupervisorConfiguration.ConfigPath(alias)] is { } value)
            {
                resolved[SupervisorConfiguration.ConfigPath(preferred)] = value;
            }
        }
        if (resolved.Count > 0)
        {
            builder.AddInMemoryCollection(resolved);
        }
    }
}
