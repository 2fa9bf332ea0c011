using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Commands;

internal static class CommandsServiceCollectionExtensions
{
    public static IServiceCollection AddCommands(this IServiceCollection services)
    {
        services.AddSingleton<CommandStore>();
        services.AddWriteHandler<CommandInsert, CommandWriteHandler>();
        services.AddWriteHandler<CommandUpdate, CommandWriteHandler>();
        services.AddSingleton<CommandDispatcher>();
        services.AddSingleton<ICommandResultSink>(sp => sp.GetRequiredService<CommandDispatcher>());
        services.AddHostedService(sp => sp.GetRequiredService<CommandDispatcher>());
        services.AddSingleton<CommandTargetResolver>();
        services.AddSingleton<RestartQueries>();
        services.AddSingleton<RestartWorkflow>();
        services.AddSingleton<CommandService>();
        services.AddSingleton<ICommandService>(sp => sp.GetRequiredService<CommandService>());
        return services;
    }
}
