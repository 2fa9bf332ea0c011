namespace HalOSwarm.Supervisor.Configuration;

/// <summary>
/// The config sections the features registered (through
/// <see cref="OptionsServiceCollectionExtensions.AddSupervisorOptions{TOptions, TValidator}(IServiceCollection, string, Action{IConfiguration, List{string}}?)"/>),
/// in registration order. <c>--validate</c>, start-up and the unknown-key check all read this one list.
/// </summary>
internal sealed class ConfigSections
{
    private readonly List<ConfigSection> _sections = [];
    private ConfigKeys? _keys;

    public IReadOnlyList<ConfigSection> All => _sections;

    /// <summary>Every key of every section, read from the options types.</summary>
    public ConfigKeys Keys => _keys ??= new ConfigKeys(_sections);

    /// <summary>The list registered in <paramref name="services"/>, added on first use.</summary>
    public static ConfigSections Of(IServiceCollection services)
    {
        var registered = services.FirstOrDefault(d => d.ServiceType == typeof(ConfigSections))?.ImplementationInstance;
        if (registered is ConfigSections sections)
        {
            return sections;
        }
        sections = new ConfigSections();
        services.AddSingleton(sections);
        return sections;
    }

    public void Add(ConfigSection section)
    {
        if (_sections.Any(s => string.Equals(s.Name, section.Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidOperationException($"config section '{section.Name}' is registered twice");
        }
        _sections.Add(section);
        _keys = null;
    }
}
