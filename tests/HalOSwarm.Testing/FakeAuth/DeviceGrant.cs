using System.Security.Cryptography;

namespace HalOSwarm.Testing.FakeAuth;

/// <summary>One device authorization the fake issuer handed out, and whether the person approved it.</summary>
internal sealed class DeviceGrant(string deviceAuthId, string userCode, string clientId)
{
    public string DeviceAuthId { get; } = deviceAuthId;
    public string UserCode { get; } = userCode;
    public string ClientId { get; } = clientId;
    public string AuthorizationCode { get; } = "ac_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
    public string CodeVerifier { get; } = "cv_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
    public string CodeChallenge { get; } = "cc_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
    public volatile bool Approved;
}
