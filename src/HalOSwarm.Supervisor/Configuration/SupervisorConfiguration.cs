using HalOSwarm.Supervisor.Approvals;
using HalOSwarm.Supervisor.Dependencies;
using HalOSwarm.Supervisor.Policies;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Configuration;

/// <summary>
/// Loads the supervisor's configuration (JSON file, then <c>HAL_</c> environment variables) and checks it
/// completely. Start-up and <c>--validate</c> both come through here, so they report the same problems.
/// </summary>
internal static class SupervisorConfiguration
{
    public const string EnvironmentPrefix = "HAL_";

    /// <summary>Builds the configuration; <paramref name="errors"/> gets every problem found.</summary>
    public static IConfigurationRoot Load(string? configPath, IDictionary<string, string?>? overrides, List<string> errors)
    {
        var builder = new ConfigurationBuilder();
        AddSources(builder, configPath, overrides, errors);
        var configuration = builder.Build();
        Check(configuration, errors);
        return configuration;
    }

    /// <summary>Adds the file (only when it is usable) and environment sources to <paramref name="builder"/>.</summary>
    public static void AddSources(IConfigurationBuilder builder, string? configPath, IDictionary<string, string?>? overrides, List<string> errors)
    {
        if (configPath is not null && ConfigFileChecker.Check(configPath, errors))
        {
            builder.AddJsonFile(Path.GetFullPath(configPath), optional: false, reloadOnChange: false);
        }
        var environment = new ConfigurationBuilder().AddEnvironmentVariables(EnvironmentPrefix).Build();
        ConfigFileChecker.CheckEnvironment(environment.AsEnumerable().Where(kv => kv.Value is not null).Select(kv => kv.Key), errors);
        builder.AddEnvironmentVariables(EnvironmentPrefix);
        if (overrides is not null)
        {
            builder.AddInMemoryCollection(overrides);
        }
    }

    /// <summary>Value types first (binding would throw on them), then every options validator.</summary>
    public static void Check(IConfiguration configuration, List<string> errors)
    {
        var typeErrors = new List<string>();
        ConfigKeys.CheckValueTypes(configuration, typeErrors);
        errors.AddRange(typeErrors);
        if (typeErrors.Count > 0)
        {
            return;
        }
        Collect(errors, new ServerOptionsValidator().Validate(null, Bind<ServerOptions>(configuration, ServerOptions.SectionName)));
        Collect(errors, new DatabaseOptionsValidator().Validate(null, Bind<DatabaseOptions>(configuration, DatabaseOptions.SectionName)));
        Collect(errors, new LoggingOptionsValidator().Validate(null, Bind<LoggingOptions>(configuration, LoggingOptions.SectionName)));
        Collect(errors, new PolicyOptionsValidator().Validate(null, Bind<PolicyOptions>(configuration, PolicyOptions.SectionName)));
        DependencyConfiguration.Check(configuration, errors);
        Collect(errors, new CommandsOptionsValidator().Validate(null, Bind<CommandsOptions>(configuration, CommandsOptions.SectionName)));
        Collect(errors, new CommandDeadlinesOptionsValidator().Validate(null, Bind<CommandDeadlinesOptions>(configuration, CommandDeadlinesOptions.SectionName)));
        Collect(errors, new PromptsOptionsValidator().Validate(null, Bind<PromptsOptions>(configuration, PromptsOptions.SectionName)));
        Collect(errors, new AuditOptionsValidator().Validate(null, Bind<AuditOptions>(configuration, AuditOptions.SectionName)));
        Collect(errors, new ApprovalsOptionsValidator().Validate(null, Bind<ApprovalsOptions>(configuration, ApprovalsOptions.SectionName)));
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

    private static void Collect(List<string> errors, ValidateOptionsResult result)
    {
        if (result.Failed)
        {
            errors.AddRange(result.Failures);
        }
    }
}
