using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Events;

namespace HalOSwarm.Supervisor.Nodes;

/// <summary>
/// What one agent event must be to be stored: a type of the vocabulary or a valid extension name (never one of the
/// supervisor's own), a well-formed session id, and data that is a JSON object. The writer adds the last rule, which
/// needs the database: the session must not belong to another node.
/// </summary>
internal static class AgentEventCheck
{
    public static string? Problem(in IncomingEvent e)
    {
        if (!ProtocolLimits.IsAgentEventType(e.Type))
        {
            return "the type is neither in the event vocabulary nor a valid extension name (docs/PROTOCOL.md, Events)";
        }
        if (e.SessionId is not null && !ProtocolLimits.IsSessionId(e.SessionId))
        {
            return $"session_id must be 1-{ProtocolLimits.MaxSessionIdLength} characters of A-Z a-z 0-9 . _ : @ + = -";
        }
        if (e.Data.Length == 0 || e.Data.Span[0] != (byte)'{')
        {
            return "data must be a JSON object";
        }
        return null;
    }
}
