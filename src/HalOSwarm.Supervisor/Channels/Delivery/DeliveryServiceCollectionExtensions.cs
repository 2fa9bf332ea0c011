namespace HalOSwarm.Supervisor.Channels.Delivery;

internal static class DeliveryServiceCollectionExtensions
{
    /// <summary>the outbox and its dispatcher.</summary>
    public static IServiceCollection AddChannelDelivery(this IServiceCollection services)
    {
        return services;
    }

    /// <summary>The channels' API: status and deliveries.</summary>
    public static IEndpointRouteBuilder MapChannelsApi(this IEndpointRouteBuilder api)
    {
        return api;
    }
}
