namespace HalOSwarm.Supervisor.Events;

internal static class EventsServiceCollectionExtensions
{
    public static IServiceCollection AddEventPipeline(this IServiceCollection services)
    {
        services.AddSingleton<EventBroadcaster>();
        services.AddSingleton<LiveStreamLimiter>();
        services.AddSingleton<EventWriter>();
        services.AddSingleton<IEventSink>(sp => sp.GetRequiredService<EventWriter>());
        services.AddHostedService(sp => sp.GetRequiredService<EventWriter>());
        services.AddSingleton<EventQueries>();
        services.AddSingleton<EventFeed>();
        services.AddSingleton<EventCursorStore>();
        services.AddSingleton<ISupervisorEvents, SupervisorEvents>();
        return services;
    }
}
