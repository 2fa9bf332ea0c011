using HalOSwarm.Agent.Connection;
using HalOSwarm.Agent.Runtimes;
using HalOSwarm.Protocol;
using HalOSwarm.Protocol.Events;

namespace HalOSwarm.Agent.ToolAuth;

/// <summary>
/// Sends <c>auth.status</c> events (no session id) and remembers what it sent last per tool, so the periodic check
/// reports only a change while a check someone asked for (<c>auth_check</c>, a finished login) reports every tool.
/// </summary>
internal sealed class ToolAuthReporter(IEventRecorder recorder)
{
    private readonly Dictionary<string, AuthStatusData> _last = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public async Task<int> ReportAsync(IReadOnlyList<AuthStatusData> statuses, bool onlyChanged, CancellationToken cancellationToken)
    {
        List<AuthStatusData> send;
        lock (_gate)
        {
            send = [.. statuses.Where(s => !onlyChanged || !_last.TryGetValue(s.Tool, out var last) || Changed(last, s))];
            foreach (var status in send)
            {
                _last[status.Tool] = status;
            }
        }
        if (send.Count > 0)
        {
            await recorder.RecordAsync([.. send.Select(s => EventData.Create(EventTypes.AuthStatus, null, s, ProtocolJsonContext.Default.AuthStatusData))],
                cancellationToken);
        }
        return send.Count;
    }

    private static bool Changed(AuthStatusData last, AuthStatusData now) =>
        last.Status != now.Status || last.Method != now.Method || last.Reason != now.Reason;
}
