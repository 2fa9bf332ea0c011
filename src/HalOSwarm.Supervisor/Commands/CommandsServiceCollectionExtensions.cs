namespace HalOSwarm.Supervisor.Commands;

internal static class CommandsServiceCollectionExtensions
{
    public static IServiceCollection AddCommands(this IServiceCollection services)
    {
        services.AddSingleton<CommandStore>();
        services.AddSingleton<CommandDispatcher>();
        services.AddSingleton<ICommandResultSink>(sp => sp.GetRequiredService<CommandDispatcher>());
        services.AddSingleton<CommandContext>();
        return services;
    }
}
