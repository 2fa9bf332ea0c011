namespace HalOSwarm.Supervisor.Channels.Chat;

internal static class ChatServiceCollectionExtensions
{
    /// <summary>
    /// The chat commands, the buttons' actions and who may use them. <see cref="ChatActions"/> needs the
    /// <see cref="Alerts.IAlertBook"/> the outbox registers.
    /// </summary>
    public static IServiceCollection AddChat(this IServiceCollection services)
    {
        services.AddSingleton<ChatAccess>();
        services.AddSingleton<ChatSecrets>();
        services.AddSingleton<ChatReadCommands>();
        services.AddSingleton<ChatActCommands>();
        services.AddSingleton<ChatCostCommands>();
        services.AddSingleton<IChatCommands, ChatCommands>();
        services.AddSingleton<IChatActions, ChatActions>();
        return services;
    }
}
