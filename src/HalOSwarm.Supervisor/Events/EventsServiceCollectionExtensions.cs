using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Events;

internal static class EventsServiceCollectionExtensions
{
    public static IServiceCollection AddEventPipeline(this IServiceCollection services)
    {
        services.AddSingleton<EventBroadcaster>();
        services.AddSingleton<LiveStreamLimiter>();
        services.AddWriteParticipant<EventInserter>();
        services.AddWriteHandler<EventsWrite, EventsWriteHandler>();
        services.AddWriteHandler<SupervisorEventWrite, SupervisorEventWriteHandler>();
        services.AddSingleton<EventQueries>();
        services.AddSingleton<OpenFeedReaders>();
        services.AddSingleton<EventFeed>();
        services.AddSingleton<EventCursorStore>();
        services.AddSingleton<ISupervisorEvents, SupervisorEvents>();
        return services;
    }
}
