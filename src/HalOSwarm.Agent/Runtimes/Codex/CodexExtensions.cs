using HalOSwarm.Agent.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Agent.Runtimes.Codex;

internal static class CodexExtensions
{
    /// <summary>The Codex runtime adapter (one app-server per thread) and its CODEX_HOME.</summary>
    public static IHostApplicationBuilder AddCodexRuntime(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(sp => new CodexHome(sp.GetRequiredService<IOptions<AgentOptions>>().Value));
        services.AddSingleton(sp => new CodexLauncher(sp.GetRequiredService<IOptions<AgentOptions>>().Value, sp.GetRequiredService<CodexHome>()));
        services.AddSingleton<CodexRuntime>();
        services.AddSingleton<IRuntimeAdapter>(sp => sp.GetRequiredService<CodexRuntime>());
        services.AddHostedService(sp => sp.GetRequiredService<CodexRuntime>());
        return builder;
    }
}
