using System.Security.Authentication;
using HalOSwarm.Ctl.Commands;
using HalOSwarm.Shell;

namespace HalOSwarm.Ctl.Api;

/// <summary>
/// <c>--ca-file</c> (or <c>HALCTL_CA_FILE</c>): an https supervisor whose certificate is self-signed or from a private CA
/// is trusted when it chains to a certificate in that PEM file. Without it, the system trust store decides.
/// </summary>
internal static class SupervisorTrust
{
    public static void Apply(HttpMessageHandler handler, string? caFile)
    {
        if (caFile is null)
        {
            return;
        }
        if (!ServerTrust.TryCreate(caFile, null, out var trust, out var caError, out _))
        {
            throw new CliUsageException($"--ca-file: {caError}");
        }
        if (handler is SocketsHttpHandler sockets)
        {
            // Thrown, not just refused, so the error halctl prints says why rather than "rejected by the callback".
            sockets.SslOptions.RemoteCertificateValidationCallback = (sender, certificate, chain, errors) =>
                trust!.Validate(sender, certificate, chain, errors)
                    ? true
                    : throw new AuthenticationException($"the supervisor's certificate was refused: {trust.LastProblem}");
        }
    }
}
