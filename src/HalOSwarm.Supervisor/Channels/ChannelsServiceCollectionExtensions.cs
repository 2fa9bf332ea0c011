using HalOSwarm.Supervisor.Channels.Chat;
using HalOSwarm.Supervisor.Channels.Delivery;
using HalOSwarm.Supervisor.Channels.Discord;
using HalOSwarm.Supervisor.Channels.Routing;
using HalOSwarm.Supervisor.Channels.Slack;
using HalOSwarm.Supervisor.Channels.State;
using HalOSwarm.Supervisor.Channels.Telegram;
using HalOSwarm.Supervisor.Channels.Webhooks;
using HalOSwarm.Supervisor.Configuration;
using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Channels;

internal static class ChannelsServiceCollectionExtensions
{
    /// <summary>
    /// The <c>channels</c> section: the router and its outbox, the webhook, Discord, Slack and Telegram senders and
    /// receivers, and the chat commands and buttons they share.
    /// </summary>
    public static IServiceCollection AddChannels(this IServiceCollection services)
    {
        services.AddSupervisorOptions<ChannelsOptions, ChannelsOptionsValidator>(ChannelsOptions.SectionName, notes: ChannelsOptionsValidator.Notes);
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<ChannelStateStore>();
        services.AddSingleton<ChannelSecrets>();
        services.AddWriteHandler<ChannelStateWrite, ChannelStateWriteHandler>();
        services.AddChannelRouting();
        services.AddChannelDelivery();
        services.AddWebhooks();
        services.AddChat();
        services.AddDiscord();
        services.AddSlack();
        services.AddTelegram();
        return services;
    }

    /// <summary>
    /// The endpoints the chat platforms call (Discord interactions, Slack commands and buttons, Telegram's webhook). They
    /// take no bearer token: each verifies its platform's signature or secret and answers 401 without it.
    /// </summary>
    public static IEndpointRouteBuilder MapChannelHooks(this IEndpointRouteBuilder app)
    {
        app.MapDiscordHooks();
        app.MapSlackHooks();
        app.MapTelegramHooks();
        return app;
    }
}
