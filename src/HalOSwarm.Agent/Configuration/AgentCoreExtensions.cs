using HalOSwarm.Agent.Connection;
using HalOSwarm.Agent.Runtimes;
using HalOSwarm.Agent.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Agent.Configuration;

internal static class AgentCoreExtensions
{
    /// <summary>Options (validated at start), node identity, agent.db, the outbox, the session store and the runtime catalog.</summary>
    public static IHostApplicationBuilder AddAgentCore(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AgentOptions>().Bind(builder.Configuration).PostConfigure(o => o.ApplyLegacyKeys()).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AgentOptions>, AgentOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        // First of the hosted services, so the last to stop (see RuntimeProgramsOnExit).
        services.AddSingleton<RuntimeProgramStopper>();
        services.AddHostedService<RuntimeProgramsOnExit>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<AgentOptions>>().Value;
            return new NodeIdentity(NodeIdentity.LoadOrCreate(options.StateDir),
                string.IsNullOrWhiteSpace(options.Hostname) ? Environment.MachineName : options.Hostname);
        });
        services.AddSingleton(sp => new AgentDatabase(sp.GetRequiredService<IOptions<AgentOptions>>().Value.StateDir));
        services.AddSingleton<Outbox>();
        services.AddSingleton<SessionStore>();
        services.AddSingleton<RecordedEventFeed>();
        services.AddSingleton<IEventRecorder, EventRecorder>();
        // Probes the runtimes before anything dials the supervisor, so the first hello says what runs here.
        services.AddSingleton<RuntimeCatalog>();
        services.AddHostedService(sp => sp.GetRequiredService<RuntimeCatalog>());
        return builder;
    }
}
