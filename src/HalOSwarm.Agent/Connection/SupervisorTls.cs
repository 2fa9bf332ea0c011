using System.Net.WebSockets;
using System.Security.Authentication;
using HalOSwarm.Agent.Configuration;
using HalOSwarm.Shell;

namespace HalOSwarm.Agent.Connection;

/// <summary>
/// The agent's side of <c>wss://</c>: the trust of <c>supervisor_tls</c> (a CA file or a public-key pin, read again at
/// each dial so a replaced file is picked up) on the socket, and a failed handshake explained in words.
/// </summary>
internal static class SupervisorTls
{
    /// <summary>Sets the certificate check on <paramref name="socket"/>; null when the system trust store decides.</summary>
    public static ServerTrust? Apply(ClientWebSocketOptions socket, SupervisorTlsOptions options)
    {
        if (!options.IsSet)
        {
            return null;
        }
        if (!ServerTrust.TryCreate(options.CaFile, options.PinSha256, out var trust, out var caError, out var pinError))
        {
            throw new HandshakeException(caError is not null ? "supervisor_tls.ca_file: " + caError : "supervisor_tls.pin_sha256: " + pinError);
        }
        socket.RemoteCertificateValidationCallback = trust!.Validate;
        return trust;
    }

    /// <summary>The reason a dial failed in TLS, or null when it failed for another reason.</summary>
    public static string? Explain(Exception failure, ServerTrust? trust)
    {
        if (trust?.LastProblem is { } problem)
        {
            return $"TLS: the supervisor's certificate was refused: {problem} (supervisor_tls)";
        }
        for (var inner = failure.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is AuthenticationException authentication)
            {
                return $"TLS: {authentication.Message} (for a self-signed or private-CA certificate set supervisor_tls.ca_file or supervisor_tls.pin_sha256)";
            }
        }
        return null;
    }
}
