using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Configuration;

internal static class OptionsServiceCollectionExtensions
{
    /// <summary>
    /// The one registration of a feature's config section: binds <typeparamref name="TOptions"/> to it, validates it with
    /// <typeparamref name="TValidator"/> at start-up, and records it in <see cref="ConfigSections"/> so <c>--validate</c>
    /// and the unknown-key check know its keys (read from the options type) and run the same validator.
    /// <paramref name="check"/> replaces bind-and-validate in <c>--validate</c> for a section that needs more (keys that
    /// are names, like <c>dependencies.&lt;project&gt;</c>). <paramref name="notes"/> adds the section's notes (printed by
    /// <c>--validate</c>, logged at start-up).
    /// </summary>
    public static IServiceCollection AddSupervisorOptions<TOptions, TValidator>(this IServiceCollection services, string section,
        Action<IConfiguration, List<string>>? check = null, Action<TOptions, List<string>>? notes = null)
        where TOptions : class, new()
        where TValidator : class, IValidateOptions<TOptions>, new()
    {
        ConfigSections.Of(services).Add(new ConfigSection
        {
            Name = section,
            OptionsType = typeof(TOptions),
            Check = check ?? ((configuration, errors) => Validate<TOptions, TValidator>(configuration, section, errors)),
            Notes = notes is null ? null : (configuration, list) => notes(SupervisorConfiguration.Bind<TOptions>(configuration, section), list),
        });
        services.AddOptions<TOptions>().BindConfiguration(SupervisorConfiguration.ConfigPath(section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
        return services;
    }

    private static void Validate<TOptions, TValidator>(IConfiguration configuration, string section, List<string> errors)
        where TOptions : class, new()
        where TValidator : class, IValidateOptions<TOptions>, new()
    {
        var result = new TValidator().Validate(null, SupervisorConfiguration.Bind<TOptions>(configuration, section));
        if (result.Failed)
        {
            errors.AddRange(result.Failures);
        }
    }
}
