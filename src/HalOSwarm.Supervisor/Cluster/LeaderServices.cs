using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Cluster;

/// <summary>A hosted service that runs only on the leader (<see cref="ClusterServiceCollectionExtensions.AddLeaderService{T}"/>).</summary>
internal sealed record LeaderServiceRegistration(Type ServiceType);

/// <summary>
/// Starts the leader-only services, in the order they were registered, once this supervisor is the leader: at once
/// when it takes the lock at start-up (always on SQLite), else when a later try every <c>cluster.heartbeat_sec</c>
/// takes it. A leader that loses the lock stops the whole process (crash-only: its service manager starts it again,
/// as a standby), so no fleet-wide work ever runs twice. Stopping stops them in reverse order.
/// </summary>
internal sealed partial class LeaderServices(
    IServiceProvider services, IEnumerable<LeaderServiceRegistration> registrations, ILeadership leadership, IOptions<ClusterOptions> options,
    IHostApplicationLifetime lifetime, TimeProvider timeProvider, ILogger<LeaderServices> logger) : IHostedService, IDisposable
{
    private readonly LeaderServiceRegistration[] _registrations = [.. registrations];
    private readonly List<IHostedService> _started = [];
    private CancellationTokenSource? _stopping;
    private Task? _loop;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _stopping = new CancellationTokenSource();
        if (await leadership.TryAcquireAsync(cancellationToken))
        {
            await StartServicesAsync(cancellationToken);
            _loop = WatchAsync(_stopping.Token);
            return;
        }
        LogStandby(logger, options.Value.HeartbeatSec);
        _loop = CampaignAsync(_stopping.Token);
    }

    private async Task CampaignAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timer = new PeriodicTimer(options.Value.Heartbeat, timeProvider);
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                if (await leadership.TryAcquireAsync(cancellationToken))
                {
                    await StartServicesAsync(cancellationToken);
                    await WatchAsync(cancellationToken);
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task WatchAsync(CancellationToken cancellationToken)
    {
        try
        {
            await leadership.Lost.WaitAsync(cancellationToken);
            LogLost(logger);
            lifetime.StopApplication();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task StartServicesAsync(CancellationToken cancellationToken)
    {
        LogLeader(logger, _registrations.Length);
        foreach (var registration in _registrations)
        {
            var service = (IHostedService)services.GetRequiredService(registration.ServiceType);
            await service.StartAsync(cancellationToken);
            lock (_started)
            {
                _started.Add(service);
            }
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var stopping = Interlocked.Exchange(ref _stopping, null);
        if (stopping is null)
        {
            return;
        }
        await stopping.CancelAsync();
        if (_loop is not null)
        {
            await _loop.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        List<IHostedService> started;
        lock (_started)
        {
            started = [.. _started];
            _started.Clear();
        }
        started.Reverse();
        foreach (var service in started)
        {
            await service.StopAsync(cancellationToken);
        }
        stopping.Dispose();
    }

    public void Dispose() => Interlocked.Exchange(ref _stopping, null)?.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "This supervisor is the leader: starting the {count} fleet-wide services")]
    private static partial void LogLeader(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Another supervisor is the leader: this one stands by and tries again every {seconds} s")]
    private static partial void LogStandby(ILogger logger, int seconds);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Lost leadership while running the fleet-wide services: stopping this supervisor so they never run twice")]
    private static partial void LogLost(ILogger logger);
}
