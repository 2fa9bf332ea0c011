using HalOSwarm.Agent.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Agent.Runtimes;

/// <summary>
/// With <c>stop_runtimes_on_exit</c>, stops the runtimes' programs when the agent stops. Registered before every
/// other hosted service, so it stops after them: the runtimes and the supervisor connection are already down.
/// </summary>
internal sealed class RuntimeProgramsOnExit(IOptions<AgentOptions> options, RuntimeProgramStopper stopper) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (options.Value.StopRuntimesOnExit)
        {
            await stopper.StopAllAsync(cancellationToken);
        }
    }
}
