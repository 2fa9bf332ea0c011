namespace HalOSwarm.Supervisor.Configuration;

internal static class PlaceholderSectionsExtensions
{
    /// <summary>
    /// The sections the seed README's example config holds for features not built yet. A feature that is built registers
    /// its section with <see cref="OptionsServiceCollectionExtensions.AddSupervisorOptions{TOptions, TValidator}(IServiceCollection, string, Action{IConfiguration, List{string}}?, Action{TOptions, List{string}}?)"/>,
    /// which replaces the placeholder of the same name. None is left today: every section of the seed's config is built.
    /// </summary>
    public static IServiceCollection AddNotConfiguredSections(this IServiceCollection services)
    {
        return services;
    }
}
