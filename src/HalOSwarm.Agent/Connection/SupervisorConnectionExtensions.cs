using HalOSwarm.Agent.Configuration;
using HalOSwarm.Agent.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Agent.Connection;

internal static class SupervisorConnectionExtensions
{
    /// <summary>The WebSocket link to the supervisor: hello, outbox sending, acks, heartbeats, reconnects.</summary>
    public static IHostApplicationBuilder AddSupervisorConnection(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp => new ResourceSampler(sp.GetRequiredService<IOptions<AgentOptions>>().Value.StateDir));
        builder.Services.AddSingleton<HelloFactory>();
        builder.Services.AddSingleton<CommandJournal>();
        builder.Services.AddSingleton<CommandRunner>();
        builder.Services.AddSingleton<SupervisorConnection>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SupervisorConnection>());
        return builder;
    }
}
