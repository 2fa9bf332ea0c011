namespace HalOSwarm.Supervisor.Hosting;

/// <summary>A hosted service that does nothing: what a provider-specific one is on the other provider.</summary>
internal sealed class NoWork : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
