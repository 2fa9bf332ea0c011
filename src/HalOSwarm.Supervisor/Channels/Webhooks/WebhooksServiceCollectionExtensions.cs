namespace HalOSwarm.Supervisor.Channels.Webhooks;

internal static class WebhooksServiceCollectionExtensions
{
    /// <summary>the webhook sender.</summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        return services;
    }
}
