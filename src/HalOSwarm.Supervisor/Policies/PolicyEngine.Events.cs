using System.Text.Json;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Events;

namespace HalOSwarm.Supervisor.Policies;

/// <summary>The engine's event side: the counters error_loop and resume_after_rate_limit keep between ticks.</summary>
internal sealed partial class PolicyEngine
{
    private async Task FollowEventsAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var stored in _feed.ReadAsync(s_types, _lastEventId, cancellationToken))
                {
                    await ObserveAsync(stored, cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogFeedFailed(_logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(1), _timeProvider, cancellationToken);
            }
        }
    }

    /// <summary>Updates the per-session counters from one event.</summary>
    public async Task ObserveAsync(StoredEvent stored, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _lastEventId = Math.Max(_lastEventId, stored.Id);
            if (stored.SessionId is not { } sessionId)
            {
                return;
            }
            if (stored.Type is EventTypes.SessionCompleted or EventTypes.SessionDeleted)
            {
                await ForgetAsync(sessionId, cancellationToken);
                return;
            }
            using var document = JsonDocument.Parse(stored.Data);
            var data = document.RootElement;
            if (_errorLoop is not null)
            {
                var state = StateOf(_errorLoop.Name, sessionId);
                var before = state.ConsecutiveErrors;
                ErrorLoopPolicy.Observe(stored, data, state);
                if (state.ConsecutiveErrors != before)
                {
                    await _store.SaveAsync(state, cancellationToken);
                }
            }
            if (_rateLimit is not null)
            {
                var state = StateOf(_rateLimit.Name, sessionId);
                var (resumeAt, limitAt) = (state.ResumeAt, state.LimitResetAt);
                var scheduled = _rateLimit.Observe(stored, data, state);
                if (state.ResumeAt != resumeAt || state.LimitResetAt != limitAt)
                {
                    await _store.SaveAsync(state, cancellationToken);
                }
                if (scheduled)
                {
                    await _executor.RecordScheduledAsync(stored, state, cancellationToken);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
