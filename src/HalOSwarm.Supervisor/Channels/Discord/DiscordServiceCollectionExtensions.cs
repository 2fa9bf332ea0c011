using HalOSwarm.Supervisor.Channels.Delivery;
using HalOSwarm.Supervisor.Cluster;
using HalOSwarm.Supervisor.Hosting;
using HalOSwarm.Supervisor.Storage.Writing;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Channels.Discord;

internal static class DiscordServiceCollectionExtensions
{
    /// <summary>The Discord sender, the Gateway client, the interactions handler and the command registration.</summary>
    public static IServiceCollection AddDiscord(this IServiceCollection services)
    {
        services.AddOutboundHttpClient(DiscordRestClient.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton<DiscordRateLimits>();
        services.AddSingleton<DiscordRestClient>();
        services.AddSingleton<DiscordThreads>();
        services.AddSingleton<DiscordInteractions>();
        services.AddSingleton(sp => new DiscordSignature(sp.GetRequiredService<IOptions<ChannelsOptions>>().Value.Discord.PublicKey));
        services.AddSingleton<DiscordSender>();
        services.AddSingleton<IChannelSender>(sp => sp.GetRequiredService<DiscordSender>());
        services.AddSingleton<DiscordGateway>();
        services.AddSingleton<IChannelStatusSource>(sp => sp.GetRequiredService<DiscordGateway>());
        services.AddLeaderService<DiscordGateway>();
        services.AddLeaderService<DiscordCommandRegistration>();
        return services;
    }

    /// <summary>Discord's interactions endpoint (<c>mode: http</c>); it checks Discord's signature itself.</summary>
    public static IEndpointRouteBuilder MapDiscordHooks(this IEndpointRouteBuilder app)
    {
        app.MapPost(DiscordInteractionsEndpoint.Path, DiscordInteractionsEndpoint.HandleAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
