using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using HalOSwarm.Supervisor.Approvals;
using HalOSwarm.Supervisor.Dependencies;
using HalOSwarm.Supervisor.Policies;
using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Configuration;

/// <summary>
/// Every key the supervisor understands, read from the options classes' <see cref="ConfigurationKeyNameAttribute"/>s
/// so the typo check and the binding can never disagree.
/// </summary>
internal static class ConfigKeys
{
    private static readonly (string Section, Type Options)[] s_sections =
    [
        (ServerOptions.SectionName, typeof(ServerOptions)),
        (DatabaseOptions.SectionName, typeof(DatabaseOptions)),
        (LoggingOptions.SectionName, typeof(LoggingOptions)),
        (PolicyOptions.SectionName, typeof(PolicyOptions)),
        (ResumeOnIdleOptions.SectionName, typeof(ResumeOnIdleOptions)),
        (RestartOnCompactionOptions.SectionName, typeof(RestartOnCompactionOptions)),
        (KillOnCostOptions.SectionName, typeof(KillOnCostOptions)),
        (ErrorLoopOptions.SectionName, typeof(ErrorLoopOptions)),
        (StuckOptions.SectionName, typeof(StuckOptions)),
        (ResumeAfterRateLimitOptions.SectionName, typeof(ResumeAfterRateLimitOptions)),
        (DependencyOptions.SectionName, typeof(DependencyOptions)),
        (CommandsOptions.SectionName, typeof(CommandsOptions)),
        (CommandDeadlinesOptions.SectionName, typeof(CommandDeadlinesOptions)),
        (PromptsOptions.SectionName, typeof(PromptsOptions)),
        (AuditOptions.SectionName, typeof(AuditOptions)),
        (ApprovalsOptions.SectionName, typeof(ApprovalsOptions)),
    ];

    /// <summary>Full dotted key (e.g. <c>server.http_port</c>) → property type.</summary>
    public static readonly IReadOnlyDictionary<string, Type> All = Build();

    private static readonly string[] s_structured =
        [.. All.Where(kv => kv.Value != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(kv.Value)).Select(kv => kv.Key),
            // Sections keyed by name (dependencies.<project>) are checked by their own validator.
            .. s_sections.Where(s => typeof(System.Collections.IDictionary).IsAssignableFrom(s.Options)).Select(s => s.Section)];

    /// <summary>
    /// A list or object value (<c>approvals.rules</c>) or a key inside one: its section's validator checks it, not the
    /// key-by-key typo check.
    /// </summary>
    public static bool IsStructured(string key) => s_structured.Any(k =>
        string.Equals(k, key, StringComparison.OrdinalIgnoreCase) || key.StartsWith(k + ".", StringComparison.OrdinalIgnoreCase));

    public static IEnumerable<string> Sections => s_sections.Select(s => s.Section.Split('.')[0]).Distinct(StringComparer.Ordinal);

    /// <summary>True for a section (<c>commands</c>, <c>commands.deadlines</c>) and for the parents of nested ones (<c>security</c>).</summary>
    public static bool IsSection(string key) => s_sections.Any(s =>
        string.Equals(s.Section, key, StringComparison.OrdinalIgnoreCase)
        || s.Section.StartsWith(key + ".", StringComparison.OrdinalIgnoreCase));

    /// <summary>"server.port: 'abc' is not a valid integer" for every value that cannot be converted.</summary>
    public static void CheckValueTypes(IConfiguration configuration, List<string> errors)
    {
        foreach (var (key, type) in All)
        {
            var value = configuration[key.Replace('.', ':')];
            if (value is null || IsStructured(key))
            {
                continue;
            }
            var converter = TypeDescriptor.GetConverter(type);
            bool ok;
            try
            {
                ok = converter.IsValid(value) && converter.ConvertFromInvariantString(value) is not null;
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException or NotSupportedException)
            {
                ok = false;
            }
            if (!ok)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"{key}: '{value}' is not a valid {Describe(type)}"));
            }
        }
    }

    private static string Describe(Type type) => type == typeof(int) ? "integer" : type == typeof(bool) ? "boolean (true or false)" : type.Name;

    private static Dictionary<string, Type> Build()
    {
        var keys = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase);
        foreach (var (section, options) in s_sections)
        {
            foreach (var property in options.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var name = property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name;
                if (name is not null && property.CanWrite)
                {
                    keys[$"{section}.{name}"] = property.PropertyType;
                }
            }
        }
        return keys;
    }
}
