namespace HalOSwarm.Supervisor.Cost.Providers;

/// <summary>
/// What <see cref="ProviderHttp"/> needs to call one provider: its name, the config key holding its secret (named in
/// errors instead of the value), the secret (to set the headers and to mask it in any error text), and the retry policy.
/// </summary>
internal sealed record ProviderRequest
{
    public required string Provider { get; init; }

    public required string KeyName { get; init; }

    public required string Key { get; init; }

    public required Action<HttpRequestMessage, string> Authorize { get; init; }

    public required int MaxRetries { get; init; }

    public required TimeSpan RetryDelay { get; init; }
}
