using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Agent.Configuration;

/// <summary>The config keys an options class binds: the names in its <see cref="ConfigurationKeyNameAttribute"/>s.</summary>
internal static class ConfigKeyNames
{
    public static IReadOnlySet<string> Of<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>() =>
        typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => p.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name)
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
}
