using HalOSwarm.Supervisor.Channels.Delivery;
using HalOSwarm.Supervisor.Cluster;
using HalOSwarm.Supervisor.Hosting;
using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Channels.Telegram;

internal static class TelegramServiceCollectionExtensions
{
    /// <summary>
    /// The Bot API client (a named HTTP client that logs nothing: every URL holds the bot token), the sender, the
    /// receiver (long polling or the webhook's queue) and its stored offset. Without a bot token the receiver does
    /// nothing and the sender knows no target.
    /// </summary>
    public static IServiceCollection AddTelegram(this IServiceCollection services)
    {
        // Answers are read whole, up to a bound; each call has its own deadline.
        services.AddOutboundHttpClient(TelegramBotApi.HttpClientName, http =>
            {
                http.Timeout = Timeout.InfiniteTimeSpan; // each call has its own deadline (long polling holds 25 s)
                http.MaxResponseContentBufferSize = TelegramBotApi.MaxResponseBytes;
            });
        services.AddSingleton<TelegramBotApi>();
        services.AddSingleton<TelegramUpdateHandler>();
        services.AddSingleton<TelegramOffsetStore>();
        services.AddSingleton<TelegramWebhookInbox>();
        services.AddSingleton<TelegramReceiver>();
        services.AddLeaderService<TelegramReceiver>();
        services.AddSingleton<IChannelStatusSource>(sp => sp.GetRequiredService<TelegramReceiver>());
        services.AddSingleton<IChannelSender, TelegramSender>();
        return services;
    }

    /// <summary>Telegram's webhook (<c>mode: webhook</c>): no bearer token, its secret header instead (401 without it).</summary>
    public static IEndpointRouteBuilder MapTelegramHooks(this IEndpointRouteBuilder app)
    {
        app.MapPost(TelegramWebhook.Path, TelegramWebhook.HandleAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
