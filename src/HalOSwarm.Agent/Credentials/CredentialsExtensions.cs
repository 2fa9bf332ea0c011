using HalOSwarm.Agent.Commands;
using HalOSwarm.Agent.Configuration;
using HalOSwarm.Agent.Connection;
using HalOSwarm.Agent.Runtimes.Codex;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Agent.Credentials;

internal static class CredentialsExtensions
{
    /// <summary>Pushed credentials: the <c>credentials_push</c> command, the applied state and the drift check.</summary>
    public static IHostApplicationBuilder AddCredentials(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp => new CredentialPaths(sp.GetRequiredService<IOptions<AgentOptions>>().Value, sp.GetRequiredService<CodexHome>()));
        builder.Services.AddSingleton(sp =>
        {
            var ledger = new CredentialLedger(sp.GetRequiredService<IOptions<AgentOptions>>().Value, sp.GetRequiredService<CredentialPaths>(),
                sp.GetRequiredService<IEventRecorder>());
            ledger.Load();
            return ledger;
        });
        builder.Services.AddAgentCommand<CredentialsPushCommand>();
        builder.Services.AddHostedService<CredentialsMonitor>();
        return builder;
    }
}
