namespace HalOSwarm.Supervisor.ClientApi;

/// <summary>How the supervisor closes a client WebSocket (docs/API.md, Client WebSocket API, Close codes).</summary>
internal static class ClientCloseCodes
{
    /// <summary>The client closed; the supervisor answers with the same.</summary>
    public const int Normal = 1000;

    /// <summary>The supervisor is stopping.</summary>
    public const int GoingAway = 1001;

    /// <summary>A message over the size limit.</summary>
    public const int MessageTooBig = 1009;

    /// <summary>More than <c>server.sse_buffer_bytes</c> waited for a client that did not read.</summary>
    public const int FellBehind = 4008;

    /// <summary>The token the connection authenticated with was revoked (as for agents).</summary>
    public const int TokenRevoked = 4410;
}
