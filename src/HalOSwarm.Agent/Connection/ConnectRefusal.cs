using System.Net;
using HalOSwarm.Protocol;

namespace HalOSwarm.Agent.Connection;

/// <summary>
/// A refusal the same attempt would get again until someone changes a config, a token or a program: the supervisor
/// answered the WebSocket upgrade with 4xx (404: no agent endpoint at that URL, 401: wrong token), or closed the
/// handshake with 4403 (a node token for another node id), 4409 (the node id already connected), 4422 (hello refused) or
/// 4426 (no common protocol version).
/// <see cref="Message"/> says what happened and how to fix it; <see cref="Kind"/> tells one refusal from another.
/// </summary>
internal sealed record ConnectRefusal(string Kind, string Message)
{
    /// <summary>The refusal <paramref name="exception"/> stands for, or null for a failure worth retrying soon.</summary>
    public static ConnectRefusal? Of(Exception exception) => exception switch
    {
        SupervisorRefusedException refused => refused.Refusal,
        HandshakeException { CloseCode: { } code } handshake => FromClose(code, handshake.Message),
        _ => null,
    };

    /// <summary>An answer to the upgrade request other than 101; null for one that may pass (5xx, 408, 429).</summary>
    public static ConnectRefusal? FromHttpStatus(HttpStatusCode status, Uri url) => (int)status switch
    {
        404 => new("http 404", $"the supervisor has no agent endpoint at {url} (HTTP 404): supervisor_url must name the supervisor's "
            + $"server.port (8420 unless configured; not server.http_port) as ws://host:port or ws://host:port{ProtocolInfo.AgentPath}"),
        401 => new("http 401", $"the supervisor at {url} refused auth_token (HTTP 401): set auth_token to a token the supervisor accepts "
            + "(the token halctl nodes enroll NODE_ID issued for this node, or the supervisor's server.auth_token); a revoked token gets this too"),
        403 => new("http 403", $"the supervisor at {url} does not let this token connect this node (HTTP 403): use the token issued for this node"),
        408 or 429 => null,
        >= 400 and < 500 => new($"http {(int)status}", $"{url} answered HTTP {(int)status} instead of accepting the agent's WebSocket: "
            + "is supervisor_url the supervisor's server.port?"),
        _ => null,
    };

    public static ConnectRefusal? FromClose(int code, string reason) => code switch
    {
        CloseCodes.DuplicateNode => new("close 4409", $"the supervisor already holds a live connection for this node id ({reason}): either another "
            + "agent runs with the same node id (a copied state_dir: delete node-id in the copy so it gets its own), or the supervisor has not yet "
            + "noticed this node's previous connection dropped (it does after server.heartbeat_interval_sec × server.heartbeat_timeout_count)"),
        CloseCodes.UnsupportedVersion => new("close 4426", $"no protocol version in common ({reason}): upgrade hal-agent or hal-supervisor so they share one"),
        CloseCodes.HelloRefused => new("close 4422", $"the supervisor refused this node's hello ({reason}): fix the cause and restart hal-agent"),
        CloseCodes.NodeNotAllowed => new("close 4403", $"this node token is enrolled for another node id ({reason}): set auth_token to the token "
            + "issued for this node (halctl nodes enroll NODE_ID), or the node id in state_dir/node-id to the one the token is for"),
        _ => null,
    };
}
