using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Configuration;

/// <summary>
/// The <c>server.rate_limit</c> section: token buckets on the HTTP API port, one per bearer token and one per client
/// address. A request over either gets 429 with <c>Retry-After</c>. <c>/healthz</c>, <c>/readyz</c> and the agent port
/// are not limited.
/// </summary>
internal sealed class ServerRateLimitOptions
{
    [ConfigurationKeyName("enabled")]
    public bool Enabled { get; set; } = true;

    /// <summary>Requests per second one token may make, sustained.</summary>
    [ConfigurationKeyName("token_per_sec")]
    public int TokenPerSec { get; set; } = 100;

    /// <summary>Requests one token may make at once above the sustained rate (the bucket's size).</summary>
    [ConfigurationKeyName("token_burst")]
    public int TokenBurst { get; set; } = 400;

    /// <summary>Requests per second from one client address, sustained, whatever token they carry (or none).</summary>
    [ConfigurationKeyName("address_per_sec")]
    public int AddressPerSec { get; set; } = 200;

    [ConfigurationKeyName("address_burst")]
    public int AddressBurst { get; set; } = 800;
}
