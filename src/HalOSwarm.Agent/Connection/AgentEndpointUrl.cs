using System.Diagnostics.CodeAnalysis;
using HalOSwarm.Protocol;

namespace HalOSwarm.Agent.Connection;

/// <summary>
/// The URL the agent dials, from <c>supervisor_url</c>: a bare <c>ws://host:port</c> or <c>wss://host:port</c> (no path,
/// or only <c>/</c>) means the supervisor's agent endpoint there (<see cref="ProtocolInfo.AgentPath"/> is added); any
/// other path is dialled as written (a proxy may map it).
/// </summary>
internal static class AgentEndpointUrl
{
    public static bool TryResolve(string? value, [NotNullWhen(true)] out Uri? url)
    {
        url = null;
        if (!Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var parsed) || parsed.Scheme is not ("ws" or "wss") || parsed.Host.Length == 0)
        {
            return false;
        }
        url = IsBare(parsed) ? new UriBuilder(parsed) { Path = ProtocolInfo.AgentPath }.Uri : parsed;
        return true;
    }

    public static Uri Resolve(string value) =>
        TryResolve(value, out var url) ? url : throw new ArgumentException($"'{value}' is not a ws:// or wss:// URL", nameof(value));

    /// <summary>True when <paramref name="url"/> names a host and port only, so the agent endpoint's path is added.</summary>
    public static bool IsBare(Uri url) => url.AbsolutePath is "" or "/" && url.Query.Length == 0;
}
