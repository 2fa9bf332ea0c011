using HalOSwarm.Supervisor.Hosting;

namespace HalOSwarm.Supervisor.Configuration;

/// <summary>
/// The transport part of the <c>server</c> section: <c>server.tls</c> (both files set, absolute, readable, a certificate
/// with its key), <c>server.allowed_origins</c>, <c>server.rate_limit</c> and the limits on slow or idle clients.
/// </summary>
internal static class ServerTransportValidator
{
    public static void Validate(ServerOptions options, List<string> errors)
    {
        ServerOptionsValidator.CheckRange(errors, "server.max_request_header_bytes", options.MaxRequestHeaderBytes, 8 * 1024, 1024 * 1024);
        ServerOptionsValidator.CheckRange(errors, "server.request_headers_timeout_sec", options.RequestHeadersTimeoutSec, 1, 600);
        ServerOptionsValidator.CheckRange(errors, "server.keep_alive_timeout_sec", options.KeepAliveTimeoutSec, 1, 3600);
        ServerOptionsValidator.CheckRange(errors, "server.min_request_body_bytes_per_sec", options.MinRequestBodyBytesPerSec, 0, 1024 * 1024);
        for (var i = 0; i < options.AllowedOrigins.Count; i++)
        {
            if (!OriginPolicy.TryNormalize(options.AllowedOrigins[i], out _))
            {
                errors.Add($"server.allowed_origins[{i}]: '{options.AllowedOrigins[i]}' is not an origin (scheme://host[:port], http or https, no path or trailing slash)");
            }
        }
        var limits = options.RateLimit;
        ServerOptionsValidator.CheckRange(errors, "server.rate_limit.token_per_sec", limits.TokenPerSec, 1, 1_000_000);
        ServerOptionsValidator.CheckRange(errors, "server.rate_limit.token_burst", limits.TokenBurst, 1, 1_000_000);
        ServerOptionsValidator.CheckRange(errors, "server.rate_limit.address_per_sec", limits.AddressPerSec, 1, 1_000_000);
        ServerOptionsValidator.CheckRange(errors, "server.rate_limit.address_burst", limits.AddressBurst, 1, 1_000_000);
        ValidateTls(options.Tls, errors);
    }

    private static void ValidateTls(ServerTlsOptions tls, List<string> errors)
    {
        ServerOptionsValidator.CheckRange(errors, "server.tls.reload_check_sec", tls.ReloadCheckSec, 1, 86_400);
        ServerOptionsValidator.CheckRange(errors, "server.tls.handshake_timeout_sec", tls.HandshakeTimeoutSec, 1, 600);
        if (!tls.Enabled)
        {
            return;
        }
        var before = errors.Count;
        CheckPath(errors, CertificateFiles.CertKey, tls.CertFile);
        CheckPath(errors, CertificateFiles.KeyKey, tls.KeyFile);
        if (errors.Count > before)
        {
            return;
        }
        if (CertificateFiles.TryLoad(tls.CertFile, tls.KeyFile, out var loaded, out var error))
        {
            loaded!.Leaf.Dispose();
        }
        else
        {
            errors.Add(error);
        }
    }

    private static void CheckPath(List<string> errors, string key, string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            errors.Add($"{key}: is required when TLS is on (server.tls.cert_file and server.tls.key_file go together)");
        }
        else if (!Path.IsPathFullyQualified(path))
        {
            errors.Add($"{key}: '{path}' must be an absolute path");
        }
        else if (!File.Exists(path))
        {
            errors.Add($"{key}: '{path}' does not exist");
        }
    }
}
