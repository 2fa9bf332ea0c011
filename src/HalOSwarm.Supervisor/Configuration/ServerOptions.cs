using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Configuration;

/// <summary>The <c>server</c> section: listeners, the shared token and the agent link's timing.</summary>
internal sealed class ServerOptions
{
    public const string SectionName = "server";

    [ConfigurationKeyName("port")]
    public int Port { get; set; } = 8420;

    [ConfigurationKeyName("http_port")]
    public int HttpPort { get; set; } = 8421;

    /// <summary>All interfaces by default: agents dial in from other machines.</summary>
    [ConfigurationKeyName("bind_address")]
    public string BindAddress { get; set; } = "0.0.0.0";

    [ConfigurationKeyName("auth_token")]
    public string AuthToken { get; set; } = "";

    [ConfigurationKeyName("heartbeat_interval_sec")]
    public int HeartbeatIntervalSec { get; set; } = 30;

    [ConfigurationKeyName("heartbeat_timeout_count")]
    public int HeartbeatTimeoutCount { get; set; } = 3;

    [ConfigurationKeyName("hello_timeout_sec")]
    public int HelloTimeoutSec { get; set; } = 10;

    [ConfigurationKeyName("max_frame_bytes")]
    public int MaxFrameBytes { get; set; } = 1024 * 1024;

    [ConfigurationKeyName("max_batch_events")]
    public int MaxBatchEvents { get; set; } = 500;

    [ConfigurationKeyName("sse_keepalive_sec")]
    public int SseKeepaliveSec { get; set; } = 15;

    public TimeSpan HeartbeatInterval => TimeSpan.FromSeconds(HeartbeatIntervalSec);

    public TimeSpan HeartbeatTimeout => TimeSpan.FromSeconds((double)HeartbeatIntervalSec * HeartbeatTimeoutCount);
}
