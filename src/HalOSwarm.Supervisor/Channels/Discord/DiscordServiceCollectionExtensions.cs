namespace HalOSwarm.Supervisor.Channels.Discord;

internal static class DiscordServiceCollectionExtensions
{
    /// <summary>the Discord sender, Gateway client and command registration.</summary>
    public static IServiceCollection AddDiscord(this IServiceCollection services)
    {
        return services;
    }

    /// <summary>The endpoints Discord calls (none until its receiver lands).</summary>
    public static IEndpointRouteBuilder MapDiscordHooks(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
