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

    public ConfigKeys(IEnumerable<ConfigSection> sections)
    {
        foreach (var section in sections)
        {
            AddSection(section, section.Name, section.OptionsType);
        }
    }

    /// <summary>Full dotted key (e.g. <c>server.http_port</c>) → property type.</summary>
    public IReadOnlyDictionary<string, Type> All => _keys;

    /// <summary>The top-level section names, in registration order.</summary>
    public IEnumerable<string> Sections => _sections.Select(s => s.Split('.')[0]).Distinct(StringComparer.Ordinal);

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
