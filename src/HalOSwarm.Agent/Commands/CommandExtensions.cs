using HalOSwarm.Agent.Connection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HalOSwarm.Agent.Commands;

internal static class CommandExtensions
{
    public static IHostApplicationBuilder AddCommands(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ICommandHandler, CommandExecutor>();
        return builder;
    }
}
