using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Policies;

internal static class PolicyServiceCollectionExtensions
{
    /// <summary>The <c>policies</c> section and the engine that runs them; also the event feed and reads the scheduler shares.</summary>
    public static IServiceCollection AddPolicies(this IServiceCollection services)
    {
        services.AddOptions<PolicyOptions>().BindConfiguration(PolicyOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PolicyOptions>, PolicyOptionsValidator>();
        services.AddSingleton<IPolicySessionSource, PolicySessionSource>();
        services.AddSingleton<PolicyStateStore>();
        services.AddSingleton<EventCursorStore>();
        services.AddSingleton<EventFeed>();
        services.AddSingleton<PolicyExecutor>();
        services.AddSingleton<PolicyEngine>();
        services.AddHostedService(sp => sp.GetRequiredService<PolicyEngine>());
        return services;
    }
}
