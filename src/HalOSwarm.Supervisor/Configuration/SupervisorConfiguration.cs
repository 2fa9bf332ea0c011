using HalOSwarm.Supervisor.Hosting;
using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Configuration;

/// <summary>
/// Loads the supervisor's configuration (JSON file, then <c>HAL_</c> environment variables) and checks it
/// completely against the sections the features registered. Start-up and <c>--validate</c> both come through here,
/// so they report the same problems.
/// </summary>
internal static class SupervisorConfiguration
{
    public const string EnvironmentPrefix = "HAL_";

    private static readonly Lazy<ConfigSections> s_sections = new(SupervisorApp.DescribeConfiguration);

    /// <summary>The sections every feature of the supervisor registers, read without starting anything.</summary>
    public static ConfigSections Sections => s_sections.Value;

    /// <summary>Builds the configuration; <paramref name="errors"/> gets every problem found.</summary>
    public static IConfigurationRoot Load(string? configPath, IDictionary<string, string?>? overrides, List<string> errors, List<string>? notes = null) =>
        Load(configPath, overrides, Sections, errors, notes);

    /// <summary>
    /// Builds the configuration and checks it against <paramref name="sections"/>; <paramref name="notes"/> gets what is
    /// accepted but worth saying (placeholder sections, aliases).
    /// </summary>
    public static IConfigurationRoot Load(
        string? configPath, IDictionary<string, string?>? overrides, ConfigSections sections, List<string> errors, List<string>? notes = null)
    {
        var builder = new ConfigurationBuilder();
        AddSources(builder, configPath, overrides, sections, errors, notes);
        var configuration = builder.Build();
        Check(configuration, sections, errors, notes);
        return configuration;
    }

    /// <summary>Adds the file (only when it is usable) and environment sources to <paramref name="builder"/>.</summary>
    public static void AddSources(
        IConfigurationBuilder builder, string? configPath, IDictionary<string, string?>? overrides, List<string> errors, List<string>? notes = null) =>
        AddSources(builder, configPath, overrides, Sections, errors, notes);

    /// <summary>
    /// Adds the sources; keys unknown to <paramref name="sections"/> in the file or the environment are problems. A value
    /// set under an alias is added under its preferred key right after its source, so the next source still wins.
    /// </summary>
    public static void AddSources(
        IConfigurationBuilder builder, string? configPath, IDictionary<string, string?>? overrides, ConfigSections sections, List<string> errors,
        List<string>? notes = null)
    {
        if (configPath is not null && ConfigFileChecker.Check(configPath, sections.Keys, errors, notes))
        {
            var fullPath = Path.GetFullPath(configPath);
            builder.AddJsonFile(fullPath, optional: false, reloadOnChange: false);
            ConfigAliases.AddResolved(builder, new ConfigurationBuilder().AddJsonFile(fullPath, optional: false, reloadOnChange: false).Build(), sections.Keys);
        }
        var environment = new ConfigurationBuilder().AddEnvironmentVariables(EnvironmentPrefix).Build();
        ConfigFileChecker.CheckEnvironment(environment.AsEnumerable().Where(kv => kv.Value is not null).Select(kv => kv.Key), sections.Keys, errors);
        // Before the environment itself: HAL_ under the preferred name beats HAL_ under an alias.
        ConfigAliases.AddResolved(builder, environment, sections.Keys);
        builder.AddEnvironmentVariables(EnvironmentPrefix);
        if (overrides is not null)
        {
            builder.AddInMemoryCollection(overrides);
        }
    }

    public static void Check(IConfiguration configuration, List<string> errors, List<string>? notes = null) => Check(configuration, Sections, errors, notes);

    /// <summary>
    /// Value types first, then each section's own check. A section holding a value of the wrong type is not bound (binding
    /// would throw); every other section is still checked, so every problem is listed at once. <paramref name="notes"/>
    /// gets the sections' notes.
    /// </summary>
    public static void Check(IConfiguration configuration, ConfigSections sections, List<string> errors, List<string>? notes = null)
    {
        var broken = sections.Keys.CheckValueTypes(configuration, errors);
        foreach (var section in sections.All)
        {
            if (!broken.Contains(section))
            {
                section.Check(configuration, errors);
                if (notes is not null)
                {
                    section.Notes?.Invoke(configuration, notes);
                }
            }
        }
    }

    public static T Bind<T>(IConfiguration configuration, string section) where T : new()
    {
        var options = new T();
        configuration.GetSection(ConfigPath(section)).Bind(options);
        return options;
    }

    /// <summary>A dotted section name (<c>commands.deadlines</c>) as a configuration path (<c>commands:deadlines</c>).</summary>
    public static string ConfigPath(string section) => section.Replace('.', ':');

    /// <summary>Absolute database path: relative paths are taken from the config file's folder.</summary>
    public static string ResolveDatabasePath(string path, string? configPath)
    {
        if (Path.IsPathRooted(path))
        {
            return path;
        }
        var baseDir = configPath is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(configPath))!;
        return Path.GetFullPath(Path.Combine(baseDir, path));
    }
}
