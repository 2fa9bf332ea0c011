using HalOSwarm.Supervisor.Channels.Delivery;
using Microsoft.Extensions.Options;
using HalOSwarm.Supervisor.Hosting;

namespace HalOSwarm.Supervisor.Channels.Webhooks;

internal static class WebhooksServiceCollectionExtensions
{
    /// <summary>The webhook sender and its HTTP client (no redirects, no request logging: the URL may carry a secret).</summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddOutboundHttpClient(WebhookSender.HttpClientName, (sp, http) =>
            {
                // The sender keeps its own deadline (channels.delivery.timeout_seconds) on the TimeProvider; this is a backstop.
                http.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<ChannelsOptions>>().Value.Delivery.TimeoutSeconds + 5);
            });
        services.AddSingleton<IChannelSender, WebhookSender>();
        services.AddSingleton<IChannelStatusSource, WebhookStatusSource>();
        return services;
    }
}
