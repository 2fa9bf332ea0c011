using System.Collections;
using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Configuration;

/// <summary>
/// Every key the registered sections understand, read from their options classes' <see cref="ConfigurationKeyNameAttribute"/>s
/// so the typo check and the binding can never disagree. A property whose type is itself an options class is a nested
/// section (<c>policies.stuck</c>); a list is a structured value its section's validator checks; a section that is a
/// dictionary (<c>dependencies</c>) is keyed by names and checked by its own validator.
/// </summary>
internal sealed class ConfigKeys
{
    private readonly Dictionary<string, Type> _keys = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ConfigSection> _owners = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _sections = [];
    private readonly List<string> _structured = [];
    private readonly Dictionary<string, string> _aliases = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ConfigPlaceholder> _placeholders = new(StringComparer.OrdinalIgnoreCase);

    public ConfigKeys(IEnumerable<ConfigSection> sections, IEnumerable<ConfigPlaceholder>? placeholders = null)
    {
        foreach (var section in sections)
        {
            AddSection(section, section.Name, section.OptionsType);
        }
        foreach (var placeholder in placeholders ?? [])
        {
            _placeholders[placeholder.Name] = placeholder;
        }
    }

    /// <summary>Alias key (<see cref="ConfigAliasAttribute"/>) → the preferred key it stands for, both full and dotted.</summary>
    public IReadOnlyDictionary<string, string> Aliases => _aliases;

    /// <summary>The placeholder section named <paramref name="key"/>, when it is one.</summary>
    public ConfigPlaceholder? Placeholder(string key) => _placeholders.GetValueOrDefault(key);

    /// <summary>Full dotted key (e.g. <c>server.http_port</c>) → property type.</summary>
    public IReadOnlyDictionary<string, Type> All => _keys;

    /// <summary>The top-level section names, in registration order.</summary>
    public IEnumerable<string> Sections => _sections.Select(s => s.Split('.')[0]).Concat(_placeholders.Keys).Distinct(StringComparer.Ordinal);

    /// <summary>
    /// A list or object value (<c>approvals.rules</c>) or a key inside one: its section's validator checks it, not the
    /// key-by-key typo check.
    /// </summary>
    public bool IsStructured(string key) => _structured.Any(k =>
        string.Equals(k, key, StringComparison.OrdinalIgnoreCase) || key.StartsWith(k + ".", StringComparison.OrdinalIgnoreCase));

    /// <summary>True for a section (<c>commands</c>, <c>commands.deadlines</c>) and for the parents of nested ones (<c>security</c>).</summary>
    public bool IsSection(string key) => _sections.Any(s =>
        string.Equals(s, key, StringComparison.OrdinalIgnoreCase) || s.StartsWith(key + ".", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// "server.port: 'abc' is not a valid integer" for every value that cannot be converted; returns the registered sections
    /// that hold such a value (binding them would throw, so their validators must not run).
    /// </summary>
    public HashSet<ConfigSection> CheckValueTypes(IConfiguration configuration, List<string> errors)
    {
        var broken = new HashSet<ConfigSection>();
        foreach (var (key, type) in _keys)
        {
            var value = configuration[SupervisorConfiguration.ConfigPath(key)];
            if (value is null || IsStructured(key) || IsValid(type, value))
            {
                continue;
            }
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{key}: '{value}' is not a valid {Describe(type)}"));
            broken.Add(_owners[key]);
        }
        return broken;
    }

    private static bool IsValid(Type type, string value)
    {
        var converter = TypeDescriptor.GetConverter(type);
        try
        {
            return converter.IsValid(value) && converter.ConvertFromInvariantString(value) is not null;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or NotSupportedException)
        {
            return false;
        }
    }

    private static string Describe(Type type) => type == typeof(int) ? "integer" : type == typeof(bool) ? "boolean (true or false)" : type.Name;

    private void AddSection(ConfigSection owner, string name, Type options)
    {
        _sections.Add(name);
        if (typeof(IDictionary).IsAssignableFrom(options))
        {
            _structured.Add(name);
            return;
        }
        foreach (var property in options.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var key = property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name;
            if (key is null)
            {
                continue;
            }
            var full = $"{name}.{key}";
            if (IsNestedSection(property.PropertyType))
            {
                AddSection(owner, full, property.PropertyType);
            }
            else if (property.CanWrite)
            {
                _keys[full] = property.PropertyType;
                _owners[full] = owner;
                foreach (var alias in property.GetCustomAttributes<ConfigAliasAttribute>())
                {
                    _aliases[$"{name}.{alias.Name}"] = full;
                }
                if (property.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(property.PropertyType))
                {
                    _structured.Add(full);
                }
            }
        }
    }

    private static bool IsNestedSection(Type type) =>
        type.IsClass && type != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(type)
        && type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Any(p => p.IsDefined(typeof(ConfigurationKeyNameAttribute)));
}
