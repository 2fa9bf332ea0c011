using HalOSwarm.Agent.Connection;
using HalOSwarm.Agent.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Agent.Configuration;

internal static class AgentCoreExtensions
{
    /// <summary>Options (validated at start), node identity, agent.db, the outbox and the session store.</summary>
    public static IHostApplicationBuilder AddAgentCore(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AgentOptions>().Bind(builder.Configuration).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AgentOptions>, AgentOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
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
        return builder;
    }
}
