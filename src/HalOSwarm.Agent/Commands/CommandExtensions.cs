using HalOSwarm.Agent.Connection;
using HalOSwarm.Agent.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HalOSwarm.Agent.Commands;

internal static class CommandExtensions
{
    public static IHostApplicationBuilder AddCommands(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PromptQueueStore>();
        builder.Services.AddSingleton<PromptQueue>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<PromptQueue>());
        builder.Services.AddSingleton<ICommandHandler, CommandExecutor>();
        return builder;
    }

    /// <summary>Registers a feature's commands with the executor (<see cref="IAgentCommand"/>).</summary>
    public static IServiceCollection AddAgentCommand<T>(this IServiceCollection services) where T : class, IAgentCommand
    {
        services.AddSingleton<T>();
        services.AddSingleton<IAgentCommand>(sp => sp.GetRequiredService<T>());
        return services;
    }
}
