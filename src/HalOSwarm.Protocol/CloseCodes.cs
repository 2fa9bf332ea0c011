namespace HalOSwarm.Protocol;

/// <summary>
/// WebSocket close status codes the supervisor uses; the close description always says why in words.
/// 1009 (message too big) and 1001 (going away) are the standard codes.
/// </summary>
public static class CloseCodes
{
    public const int GoingAway = 1001;
    public const int MessageTooBig = 1009;
    /// <summary>The frame is not a JSON envelope of the expected shape.</summary>
    public const int MalformedFrame = 4400;
    /// <summary>The first frame was not a valid hello, or it came too late.</summary>
    public const int HandshakeFailed = 4401;
    /// <summary>The envelope type is not one this side knows.</summary>
    public const int UnknownMessageType = 4404;
    /// <summary>Another live connection already holds this node id.</summary>
    public const int DuplicateNode = 4409;
    /// <summary>No protocol version in common.</summary>
    public const int UnsupportedVersion = 4426;
    /// <summary>The peer missed too many heartbeats.</summary>
    public const int HeartbeatTimeout = 4408;
    /// <summary>The node token used is enrolled for another node id than the hello's: this token cannot serve this node.</summary>
    public const int NodeNotAllowed = 4403;
    /// <summary>The token the connection authenticated with was revoked; the socket is closed at once.</summary>
    public const int TokenRevoked = 4410;
    /// <summary>
    /// The hello broke a protocol limit (node id characters, an impossible outbox range, too many sessions…). The agent
    /// would send the same hello again, so it says why once and dials again only slowly until it is fixed and restarted.
    /// </summary>
    public const int HelloRefused = 4422;

    /// <summary>
    /// Codes after which reconnecting with the same settings and state cannot succeed: the agent says why once and
    /// dials again only slowly, until a config, a token or a program changes.
    /// </summary>
    public static bool IsPermanent(int code) => code is UnsupportedVersion or HelloRefused or NodeNotAllowed or TokenRevoked;
}
