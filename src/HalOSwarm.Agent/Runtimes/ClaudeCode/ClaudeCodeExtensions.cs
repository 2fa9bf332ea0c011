using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HalOSwarm.Agent.Runtimes.ClaudeCode;

internal static class ClaudeCodeExtensions
{
    /// <summary>The Claude Code runtime adapter, its permission endpoint and broker.</summary>
    public static IHostApplicationBuilder AddClaudeCodeRuntime(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<ClaudePermissionBroker>();
        services.AddSingleton<ClaudePermissionServer>();
        services.AddSingleton<ClaudePrograms>();
        services.AddSingleton<ClaudeCodeRuntime>();
        services.AddSingleton<IRuntimeAdapter>(sp => sp.GetRequiredService<ClaudeCodeRuntime>());
        services.AddHostedService(sp => sp.GetRequiredService<ClaudeCodeRuntime>());
        return builder;
    }
}
