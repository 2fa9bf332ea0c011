using HalOSwarm.Supervisor.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HalOSwarm.Supervisor.Tests.Configuration;

/// <summary>A feature the supervisor does not have, registering its section the way every real feature does.</summary>
internal static class SampleFeature
{
    public const string Section = "sample.feature";

    public static IServiceCollection AddSampleFeature(this IServiceCollection services) =>
        services.AddSupervisorOptions<SampleOptions, SampleOptionsValidator>(Section);
}
