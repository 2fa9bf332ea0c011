using HalOSwarm.Agent.Commands;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HalOSwarm.Agent.Environments;

internal static class EnvironmentsExtensions
{
    /// <summary>The project environment commands: <c>env_check</c> (and <c>env_apply</c>).</summary>
    public static IHostApplicationBuilder AddEnvironments(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAgentCommand<EnvCheckCommand>();
        builder.Services.AddAgentCommand<EnvApplyCommand>();
        return builder;
    }
}
