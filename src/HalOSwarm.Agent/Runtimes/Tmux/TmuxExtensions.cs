using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HalOSwarm.Agent.Runtimes.Tmux;

internal static class TmuxExtensions
{
    /// <summary>The tmux runtime adapter; it follows its sessions in the background.</summary>
    public static IHostApplicationBuilder AddTmuxRuntime(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TmuxRuntime>();
        builder.Services.AddSingleton<IRuntimeAdapter>(sp => sp.GetRequiredService<TmuxRuntime>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TmuxRuntime>());
        return builder;
    }
}
