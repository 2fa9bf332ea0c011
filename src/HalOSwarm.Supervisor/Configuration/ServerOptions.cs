using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Configuration;

/// <summary>The <c>server</c> section: listeners, TLS, the shared token, the agent link's timing and the limits on clients.</summary>
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

    /// <summary>Largest HTTP request body; a larger one is refused with 413 before it is read.</summary>
    [ConfigurationKeyName("max_request_body_bytes")]
    public int MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Most sessions one hello may list; a hello with more is refused (4401).</summary>
    [ConfigurationKeyName("max_hello_sessions")]
    public int MaxHelloSessions { get; set; } = 1000;

    /// <summary>Bytes of events one live stream may have waiting to be sent; a stream that falls further behind is dropped.</summary>
    [ConfigurationKeyName("sse_buffer_bytes")]
    public int SseBufferBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Live streams (<c>/api/v1/events/stream</c>) open at once per token; one more gets 429.</summary>
    [ConfigurationKeyName("sse_streams_per_token")]
    public int SseStreamsPerToken { get; set; } = 32;

    /// <summary>Largest total size of a request's headers (Kestrel's limit); larger is refused with 431.</summary>
    [ConfigurationKeyName("max_request_header_bytes")]
    public int MaxRequestHeaderBytes { get; set; } = 32 * 1024;

    /// <summary>A client must send a request's whole head within this time, or the connection is closed (slow clients).</summary>
    [ConfigurationKeyName("request_headers_timeout_sec")]
    public int RequestHeadersTimeoutSec { get; set; } = 10;

    /// <summary>A connection with no request in flight (a new one that says nothing included) is closed after this time.</summary>
    [ConfigurationKeyName("keep_alive_timeout_sec")]
    public int KeepAliveTimeoutSec { get; set; } = 60;

    /// <summary>A request body that arrives slower than this (after a 5 s grace) is cut off; 0 turns the check off.</summary>
    [ConfigurationKeyName("min_request_body_bytes_per_sec")]
    public int MinRequestBodyBytesPerSec { get; set; } = 240;

    /// <summary>
    /// Browser origins (<c>https://dash.example.com</c>) allowed besides the supervisor's own. A request that carries
    /// another <c>Origin</c> header is refused with 403 <c>origin_not_allowed</c>; a request without one (halctl, agents) is not affected.
    /// </summary>
    [ConfigurationKeyName("allowed_origins")]
    public List<string> AllowedOrigins { get; set; } = [];

    [ConfigurationKeyName("tls")]
    public ServerTlsOptions Tls { get; set; } = new();

    [ConfigurationKeyName("rate_limit")]
    public ServerRateLimitOptions RateLimit { get; set; } = new();

    public TimeSpan HeartbeatInterval => TimeSpan.FromSeconds(HeartbeatIntervalSec);

    public TimeSpan HeartbeatTimeout => TimeSpan.FromSeconds((double)HeartbeatIntervalSec * HeartbeatTimeoutCount);
}
