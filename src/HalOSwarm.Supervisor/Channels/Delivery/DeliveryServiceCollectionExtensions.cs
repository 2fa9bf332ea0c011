using HalOSwarm.Supervisor.Channels.Alerts;
using HalOSwarm.Supervisor.Cluster;
using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Channels.Delivery;

internal static class DeliveryServiceCollectionExtensions
{
    /// <summary>The outbox and its dispatcher, the alert book, and their writes.</summary>
    public static IServiceCollection AddChannelDelivery(this IServiceCollection services)
    {
        services.AddSingleton<DeliveryStore>();
        services.AddSingleton<DeliveryReasons>();
        services.AddSingleton<DeliveryMetrics>();
        services.AddSingleton<DeliverySend>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddLeaderService<OutboxDispatcher>();
        services.AddWriteHandler<DeliveryOutcome, DeliveryWriteHandler>();
        services.AddSingleton<IAlertBook, AlertBook>();
        services.AddWriteHandler<AlertBookClaim, AlertBookWriteHandler>();
        services.AddWriteHandler<AlertBookComplete, AlertBookWriteHandler>();
        services.AddWriteHandler<AlertBookAnswerElsewhere, AlertBookWriteHandler>();
        return services;
    }

    /// <summary>The channels' API: status and deliveries.</summary>
    public static IEndpointRouteBuilder MapChannelsApi(this IEndpointRouteBuilder api) => ChannelsApi.Map(api);
}
