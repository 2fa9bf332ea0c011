namespace HalOSwarm.Supervisor.Channels.Telegram;

internal static class TelegramServiceCollectionExtensions
{
    /// <summary>the Telegram sender and long polling.</summary>
    public static IServiceCollection AddTelegram(this IServiceCollection services)
    {
        return services;
    }

    /// <summary>The endpoints Telegram calls (none until its receiver lands).</summary>
    public static IEndpointRouteBuilder MapTelegramHooks(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
