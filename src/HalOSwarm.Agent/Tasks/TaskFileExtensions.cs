using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HalOSwarm.Agent.Tasks;

internal static class TaskFileExtensions
{
    public static IHostApplicationBuilder AddTaskFileWatcher(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TaskFileWatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TaskFileWatcher>());
        return builder;
    }
}
