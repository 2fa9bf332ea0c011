using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Events;

namespace HalOSwarm.Supervisor.Governance;

/// <summary>Records a <c>charter.violation</c> event (and logs it) for whatever a charter rule refused or stopped.</summary>
internal sealed partial class CharterViolations(ISupervisorEvents events, ILogger<CharterViolations> logger)
{
    public const string Actor = "charter";

    public async Task RecordAsync(CharterViolationData data, CancellationToken cancellationToken)
    {
        LogViolation(logger, data.Rule, data.Kind, data.SessionId, data.NodeId, data.Detail);
        await events.RecordAsync(EventTypes.CharterViolation, data.NodeId ?? ISupervisorEvents.FleetNodeId, data.SessionId, data,
            GovernanceJsonContext.Default.CharterViolationData, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, EventName = "charter.violation",
        Message = "Charter rule {rule} ({kind}) applied to session {session_id} on node {node_id}: {detail}")]
    private static partial void LogViolation(ILogger logger, string rule, string kind, string? session_id, string? node_id, string detail);
}
