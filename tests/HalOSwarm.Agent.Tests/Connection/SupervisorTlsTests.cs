using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using HalOSwarm.Agent.Configuration;
using HalOSwarm.Shell;
using HalOSwarm.Testing;
using HalOSwarm.Testing.Tls;

namespace HalOSwarm.Agent.Tests.Connection;

/// <summary><c>supervisor_tls</c>: its keys are checked, and the trust it builds accepts exactly the pinned key or the CA file's certificates.</summary>
public sealed class SupervisorTlsTests : IDisposable
{
    private readonly TempDirectory _dir = new("hal-agent-tls");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Validate_BadSupervisorTls_EveryProblemWithItsKey()
    {
        var path = _dir.Combine("agent.config.json");
        File.WriteAllText(path, $$"""
            {"supervisor_url":"ws://127.0.0.1:8420/ws/agent","auth_token":"t","state_dir":"state",
             "supervisor_tls":{"ca_file":"{{_dir.Combine("missing.pem")}}","pin_sha256":"abc","pin":"x"},
             "projects":[{"name":"a","directory":"{{_dir.Path}}"}]}
            """);

        var errors = AgentConfigLoader.Validate(path);

        Assert.Contains(errors, e => e.StartsWith("supervisor_tls.ca_file: cannot read", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("supervisor_tls.pin_sha256: 'abc' is not a SHA-256 pin", StringComparison.Ordinal));
        Assert.Contains("supervisor_tls.pin: unknown key", errors);
        Assert.Contains(errors, e => e.StartsWith("supervisor_tls: is set, but supervisor_url", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_WssWithPinAndCaFile_HasNoErrors()
    {
        var certificate = TestCertificate.Create(_dir.Path);
        var path = _dir.Combine("agent.config.json");
        File.WriteAllText(path, $$"""
            {"supervisor_url":"wss://127.0.0.1:8420/ws/agent","auth_token":"t","state_dir":"state",
             "supervisor_tls":{"ca_file":"{{certificate.CertFile}}","pin_sha256":"{{certificate.Pin}}"},
             "projects":[{"name":"a","directory":"{{_dir.Path}}"}]}
            """);

        Assert.Empty(AgentConfigLoader.Validate(path));
    }

    [Fact]
    public void ServerTrust_Pin_AcceptsThatKeyOnlyWhateverSignedIt()
    {
        var pinned = TestCertificate.Create(_dir.Path, "pinned");
        var other = TestCertificate.Create(_dir.Path, "other");
        Assert.True(ServerTrust.TryCreate(null, pinned.Pin.ToUpperInvariant(), out var trust, out _, out _));
        using var pinnedCert = X509CertificateLoader.LoadCertificateFromFile(pinned.CertFile);
        using var otherCert = X509CertificateLoader.LoadCertificateFromFile(other.CertFile);

        Assert.True(trust!.Validate(this, pinnedCert, null, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(trust.Validate(this, otherCert, null, SslPolicyErrors.None));
        Assert.Contains(other.Pin, trust.LastProblem, StringComparison.Ordinal);
    }

    [Fact]
    public void ServerTrust_CaFile_AcceptsItsCertificateForTheRightNameOnly()
    {
        var trusted = TestCertificate.Create(_dir.Path, "trusted");
        var other = TestCertificate.Create(_dir.Path, "other");
        Assert.True(ServerTrust.TryCreate(trusted.CertFile, null, out var trust, out _, out _));
        using var trustedCert = X509CertificateLoader.LoadCertificateFromFile(trusted.CertFile);
        using var otherCert = X509CertificateLoader.LoadCertificateFromFile(other.CertFile);

        Assert.True(trust!.Validate(this, trustedCert, null, SslPolicyErrors.RemoteCertificateChainErrors), trust.LastProblem);
        Assert.False(trust.Validate(this, otherCert, null, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(trust.Validate(this, trustedCert, null, SslPolicyErrors.RemoteCertificateNameMismatch));
        Assert.True(ServerTrust.TryCreate(null, null, out var none, out _, out _));
        Assert.Null(none);
    }
}
