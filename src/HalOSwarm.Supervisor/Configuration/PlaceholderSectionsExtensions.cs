namespace HalOSwarm.Supervisor.Configuration;

internal static class PlaceholderSectionsExtensions
{
    /// <summary>
    /// The sections the seed README's example config holds for features not built yet. A feature that is built registers
    /// its section with <see cref="OptionsServiceCollectionExtensions.AddSupervisorOptions{TOptions, TValidator}(IServiceCollection, string, Action{IConfiguration, List{string}}?, Action{TOptions, List{string}}?)"/>,
    /// which replaces the placeholder of the same name.
    /// </summary>
    public static IServiceCollection AddNotConfiguredSections(this IServiceCollection services)
    {
        var sections = ConfigSections.Of(services);
        sections.AddPlaceholder(new ConfigPlaceholder { Name = "channels", Description = "chat channels (Discord, Slack)" });
        return services;
    }
}
