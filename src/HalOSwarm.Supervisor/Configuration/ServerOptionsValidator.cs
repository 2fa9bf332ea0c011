using System.Net;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Configuration;

/// <summary>Collects every problem of the <c>server</c> section, each with its full key.</summary>
internal sealed class ServerOptionsValidator : IValidateOptions<ServerOptions>
{
    public ValidateOptionsResult Validate(string? name, ServerOptions options)
    {
        var errors = new List<string>();
        CheckPort(errors, "server.port", options.Port);
        CheckPort(errors, "server.http_port", options.HttpPort);
        if (options.Port == options.HttpPort)
        {
            errors.Add($"server.http_port: must differ from server.port (both are {options.Port})");
        }
        if (!IPAddress.TryParse(options.BindAddress, out _))
        {
            errors.Add($"server.bind_address: '{options.BindAddress}' is not an IP address (use 0.0.0.0 for all interfaces)");
        }
        if (string.IsNullOrWhiteSpace(options.AuthToken))
        {
            errors.Add("server.auth_token: is required (set it in the file or in HAL_SERVER__AUTH_TOKEN)");
        }
        else if (options.AuthToken.Length < 16)
        {
            errors.Add("server.auth_token: must be at least 16 characters");
        }
        CheckRange(errors, "server.heartbeat_interval_sec", options.HeartbeatIntervalSec, 1, 3600);
        CheckRange(errors, "server.heartbeat_timeout_count", options.HeartbeatTimeoutCount, 1, 100);
        CheckRange(errors, "server.hello_timeout_sec", options.HelloTimeoutSec, 1, 600);
        CheckRange(errors, "server.max_frame_bytes", options.MaxFrameBytes, 4096, 64 * 1024 * 1024);
        CheckRange(errors, "server.max_batch_events", options.MaxBatchEvents, 1, 100_000);
        CheckRange(errors, "server.sse_keepalive_sec", options.SseKeepaliveSec, 1, 3600);
        CheckRange(errors, "server.max_request_body_bytes", options.MaxRequestBodyBytes, 4096, 64 * 1024 * 1024);
        CheckRange(errors, "server.max_hello_sessions", options.MaxHelloSessions, 1, 100_000);
        CheckRange(errors, "server.sse_buffer_bytes", options.SseBufferBytes, 64 * 1024, 1024 * 1024 * 1024);
        CheckRange(errors, "server.sse_streams_per_token", options.SseStreamsPerToken, 1, 10_000);
        ServerTransportValidator.Validate(options, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckPort(List<string> errors, string key, int port) => CheckRange(errors, key, port, 1, 65535);

    internal static void CheckRange(List<string> errors, string key, long value, long min, long max)
    {
        if (value < min || value > max)
        {
            errors.Add($"{key}: must be {min}-{max} (was {value})");
        }
    }
}
