namespace HalOSwarm.Supervisor.Configuration;

/// <summary>
/// The config sections the features registered (through
/// <see cref="OptionsServiceCollectionExtensions.AddSupervisorOptions{TOptions, TValidator}(IServiceCollection, string, Action{IConfiguration, List{string}}?, Action{TOptions, List{string}}?)"/>),
/// in registration order. <c>--validate</c>, start-up and the unknown-key check all read this one list.
/// </summary>
internal sealed class ConfigSections
{
    private readonly List<ConfigSection> _sections = [];
    private readonly List<ConfigPlaceholder> _placeholders = [];
    private ConfigKeys? _keys;

    public IReadOnlyList<ConfigSection> All => _sections;

    /// <summary>Sections accepted for features not built yet, unless a feature registered a real section of that name.</summary>
    public IEnumerable<ConfigPlaceholder> Placeholders =>
        _placeholders.Where(p => !_sections.Any(s => s.Name.Split('.')[0].Equals(p.Name, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Every key of every section, read from the options types.</summary>
    public ConfigKeys Keys => _keys ??= new ConfigKeys(_sections, Placeholders);

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

    public void AddPlaceholder(ConfigPlaceholder placeholder)
    {
        _placeholders.Add(placeholder);
        _keys = null;
    }
}
