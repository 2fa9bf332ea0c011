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
}
