using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Sessions;

internal static class SessionsServiceCollectionExtensions
{
    public static IServiceCollection AddSessions(this IServiceCollection services)
    {
        services.AddSingleton<SessionQueries>();
        services.AddWriteParticipant<SessionProjection>();
        return services;
    }
}
