using System.Text.Json;
using HalOSwarm.Supervisor.Approvals;
using HalOSwarm.Supervisor.Channels.Alerts;
using HalOSwarm.Supervisor.Events;

namespace HalOSwarm.Supervisor.Channels.Routing;

/// <summary>
/// A <c>permission.replied</c> event (the agent program sends it whoever answered: the API, halctl, a rule, the timeout,
/// a chat button, the program's own prompt) closes the open alerts of that request through <see cref="IAlertBook"/>, so
/// their messages are updated in place. Alerts answered from chat stay as they are (the book leaves them alone).
/// The book is resolved on first use; without one (no outbox registered) this does nothing.
/// </summary>
internal sealed partial class ElsewhereAnswers(IServiceProvider services, ApprovalStore approvals, ILogger<ElsewhereAnswers> logger)
{
    private IAlertBook? _book;
    private bool _resolved;

    public async Task CloseAsync(IReadOnlyList<StoredEvent> replied, CancellationToken cancellationToken)
    {
        if (!_resolved)
        {
            _book = services.GetService<IAlertBook>();
            _resolved = true;
        }
        if (_book is null)
        {
            return;
        }
        foreach (var stored in replied)
        {
            try
            {
                using var document = JsonDocument.Parse(stored.Data);
                var data = document.RootElement;
                var permissionId = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("permission_id", out var p) ? p.GetString() : null;
                if (permissionId is null || await approvals.FindAsync(stored.NodeId, permissionId, cancellationToken) is not { } approval)
                {
                    continue;
                }
                var reply = approval.Reply ?? (data.TryGetProperty("reply", out var r) ? r.GetString() : null) ?? "answered";
                var outcome = "answered elsewhere: " + reply + (approval.AnsweredBy is { } by ? " by " + by : "");
                await _book.AnswerElsewhereAsync(approval.ApprovalId, outcome, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, stored.Id, ex.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, EventName = "channels.answer_elsewhere_failed",
        Message = "Could not close the alerts of the permission request of event {event_id}: {reason}")]
    private static partial void LogFailed(ILogger logger, long event_id, string reason);
}
