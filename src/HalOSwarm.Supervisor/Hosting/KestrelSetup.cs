using System.Net;
using System.Net.Security;
using HalOSwarm.Supervisor.Api;
using HalOSwarm.Supervisor.Configuration;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace HalOSwarm.Supervisor.Hosting;

/// <summary>
/// The two listeners (agents on <c>server.port</c>, the API on <c>server.http_port</c>), TLS on both when
/// <c>server.tls</c> is set, and the limits that keep slow, idle or oversized clients from holding the server.
/// </summary>
internal static class KestrelSetup
{
    private static readonly List<SslApplicationProtocol> s_http11 = [SslApplicationProtocol.Http11];

    public static void Configure(KestrelServerOptions kestrel, ServerOptions server, ServerCertificate? certificate)
    {
        var bind = IPAddress.Parse(server.BindAddress);
        kestrel.AddServerHeader = false;
        kestrel.Listen(bind, server.Port, listen =>
        {
            listen.Protocols = HttpProtocols.Http1;
            UseTls(listen, server, certificate);
        });
        kestrel.Listen(bind, server.HttpPort, listen =>
        {
            listen.Protocols = HttpProtocols.Http1;
            UseTls(listen, server, certificate);
            // Inside TLS: the writer reads the plain HTTP answers Kestrel gives before any endpoint runs.
            listen.Use(next => connection =>
            {
                connection.Transport = RejectionEnvelopeWriter.Wrap(connection.Transport);
                return next(connection);
            });
        });
        var limits = kestrel.Limits;
        limits.MaxRequestBodySize = server.MaxRequestBodyBytes;
        limits.MaxRequestHeadersTotalSize = server.MaxRequestHeaderBytes;
        limits.RequestHeadersTimeout = TimeSpan.FromSeconds(server.RequestHeadersTimeoutSec);
        limits.KeepAliveTimeout = TimeSpan.FromSeconds(server.KeepAliveTimeoutSec);
        limits.MinRequestBodyDataRate = server.MinRequestBodyBytesPerSec == 0
            ? null
            : new MinDataRate(server.MinRequestBodyBytesPerSec, TimeSpan.FromSeconds(5));
    }

    private static void UseTls(ListenOptions listen, ServerOptions server, ServerCertificate? certificate)
    {
        if (certificate is null)
        {
            return;
        }
        listen.UseHttps(new TlsHandshakeCallbackOptions
        {
            HandshakeTimeout = TimeSpan.FromSeconds(server.Tls.HandshakeTimeoutSec),
            // Read per handshake: a reloaded certificate is used from the next connection on.
            OnConnection = _ => ValueTask.FromResult(new SslServerAuthenticationOptions
            {
                ServerCertificateContext = certificate.Current.Context,
                ApplicationProtocols = s_http11,
            }),
        });
    }
}
