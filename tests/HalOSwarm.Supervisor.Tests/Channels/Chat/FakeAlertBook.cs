using System.Collections.Concurrent;
using HalOSwarm.Supervisor.Channels.Alerts;

namespace HalOSwarm.Supervisor.Tests.Channels.Chat;

/// <summary>
/// An in-memory <see cref="IAlertBook"/> with the contract's claim rule (the first claim wins, later ones get the answer), so
/// the buttons can be tested on this branch before the outbox's book is merged in.
/// </summary>
internal sealed class FakeAlertBook : IAlertBook
{
    private readonly ConcurrentDictionary<long, Alert> _alerts = new();
    private readonly Lock _lock = new();

    public ConcurrentQueue<(long AlertId, string Outcome)> Completed { get; } = new();

    public Alert Add(Alert alert)
    {
        _alerts[alert.AlertId] = alert;
        return alert;
    }

    public Task<Alert?> GetAsync(long alertId, CancellationToken cancellationToken) =>
        Task.FromResult(_alerts.TryGetValue(alertId, out var alert) ? alert : null);

    public Task<AlertClaim> ClaimAsync(long alertId, string action, string actor, string by, string platform, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_alerts.TryGetValue(alertId, out var alert))
            {
                return Task.FromResult(new AlertClaim(null, false));
            }
            if (alert.Answer is not null)
            {
                return Task.FromResult(new AlertClaim(alert, false));
            }
            var claimed = alert with { Answer = new AlertAnswer(action, actor, by, platform, DateTimeOffset.UtcNow, "") };
            _alerts[alertId] = claimed;
            return Task.FromResult(new AlertClaim(claimed, true));
        }
    }

    public Task<Alert> CompleteAsync(long alertId, string outcome, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var alert = _alerts[alertId];
            var done = alert with { Answer = alert.Answer! with { Outcome = outcome } };
            _alerts[alertId] = done;
            Completed.Enqueue((alertId, outcome));
            return Task.FromResult(done);
        }
    }

    public Task AnswerElsewhereAsync(string approvalId, string outcome, CancellationToken cancellationToken) => Task.CompletedTask;
}
