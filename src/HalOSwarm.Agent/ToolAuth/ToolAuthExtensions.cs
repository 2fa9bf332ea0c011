using HalOSwarm.Agent.Commands;
using HalOSwarm.Agent.Configuration;
using HalOSwarm.Agent.Runtimes.Codex;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Agent.ToolAuth;

internal static class ToolAuthExtensions
{
    /// <summary>The agent programs' login status (at start, every <c>tool_auth.interval_sec</c>, on <c>auth_check</c>) and remote logins.</summary>
    public static IHostApplicationBuilder AddToolAuth(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(sp => new ToolPrograms(sp.GetRequiredService<IOptions<AgentOptions>>().Value, sp.GetRequiredService<CodexHome>()));
        services.AddSingleton<ToolAuthChecker>();
        services.AddSingleton<ToolAuthReporter>();
        services.AddSingleton<DeviceLogins>();
        services.AddHostedService<ToolAuthMonitor>();
        services.AddAgentCommand<ToolAuthCommands>();
        return builder;
    }
}
