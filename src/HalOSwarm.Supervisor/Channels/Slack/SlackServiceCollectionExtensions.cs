using HalOSwarm.Supervisor.Channels.Delivery;
using HalOSwarm.Supervisor.Cluster;
using HalOSwarm.Supervisor.Hosting;

namespace HalOSwarm.Supervisor.Channels.Slack;

internal static class SlackServiceCollectionExtensions
{
    /// <summary>
    /// The Slack sender, the Web API client (its own HTTP client: no redirects, which would carry the token elsewhere, and
    /// no request logging, which would show it), what Slack sends (Socket Mode or the HTTP endpoints) and the status.
    /// </summary>
    public static IServiceCollection AddSlack(this IServiceCollection services)
    {
        services.AddOutboundHttpClient(SlackWebClient.HttpClientName, (sp, http) =>
            {
                var delivery = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<ChannelsOptions>>().Value.Delivery;
                http.Timeout = TimeSpan.FromSeconds(Math.Clamp(delivery.TimeoutSeconds, 1, 120));
                http.MaxResponseContentBufferSize = SlackWebClient.MaxResponseBytes;
            });
        services.AddSingleton<SlackWebClient>();
        services.AddSingleton<SlackStatus>();
        services.AddSingleton<IChannelStatusSource>(sp => sp.GetRequiredService<SlackStatus>());
        services.AddSingleton<IChannelSender, SlackSender>();
        services.AddSingleton<SlackInbound>();
        services.AddLeaderService<SlackSocketMode>();
        return services;
    }

    /// <summary>The endpoints Slack calls in HTTP mode (slash commands, button clicks); 404 unless <c>channels.slack.mode</c> is http.</summary>
    public static IEndpointRouteBuilder MapSlackHooks(this IEndpointRouteBuilder app) => app.MapSlackHooksEndpoints();
}
