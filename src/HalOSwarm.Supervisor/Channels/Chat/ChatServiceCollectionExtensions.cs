namespace HalOSwarm.Supervisor.Channels.Chat;

internal static class ChatServiceCollectionExtensions
{
    /// <summary>the chat commands, the buttons' actions and who may use them.</summary>
    public static IServiceCollection AddChat(this IServiceCollection services)
    {
        return services;
    }
}
