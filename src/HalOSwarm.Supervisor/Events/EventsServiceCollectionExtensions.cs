using HalOSwarm.Supervisor.Configuration;
using HalOSwarm.Supervisor.Storage.Writing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Events;

internal static class EventsServiceCollectionExtensions
{
    public static IServiceCollection AddEventPipeline(this IServiceCollection services)
    {
        services.AddSingleton<EventBroadcaster>();
        // On PostgreSQL several supervisors may store events: the relay feeds the broadcaster with all of them, in id
        // order, the writer's own included. On SQLite the writer publishes straight to it.
        services.AddSingleton<EventRelay>();
        services.AddSingleton<IEventPublisher>(sp => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.IsPostgres
            ? sp.GetRequiredService<EventRelay>()
            : sp.GetRequiredService<EventBroadcaster>());
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.IsPostgres
            ? sp.GetRequiredService<EventRelay>()
            : new Hosting.NoWork());
        services.AddSingleton<LiveStreamLimiter>();
        services.TryAddScoped(sp => EventInserter.Create(sp.GetRequiredService<IWriteContext>(), sp.GetRequiredService<IEventPublisher>(),
            sp.GetService<Observability.SupervisorMetrics>()));
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

    /// <summary>Registers <typeparamref name="T"/> (scoped to the writer's loop) to see every stored agent event.</summary>
    public static IServiceCollection AddEventProjection<T>(this IServiceCollection services)
        where T : class, IEventProjection
    {
        services.TryAddScoped<T>();
        services.AddScoped<IEventProjection>(sp => sp.GetRequiredService<T>());
        return services;
    }
}
