namespace HalOSwarm.Supervisor.Cost.Providers;

/// <summary>One provider's billing API, as the poller sees it.</summary>
internal interface IProviderSource
{
    string Provider { get; }

    /// <summary>False when the key is empty or a placeholder: the provider is never called.</summary>
    bool IsConfigured { get; }

    /// <summary>The provider's usage and costs for the UTC days; throws <see cref="ProviderPollException"/> once its retries are spent.</summary>
    Task<ProviderFetch> FetchAsync(DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken);
}
