using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Approvals;
using HalOSwarm.Supervisor.Channels.Alerts;
using HalOSwarm.Supervisor.Channels.Routing;
using HalOSwarm.Supervisor.Events;
using HalOSwarm.Supervisor.Tests.Policies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace HalOSwarm.Supervisor.Tests.Channels.Routing;

/// <summary>A permission request answered anywhere closes its alerts through the alert book (the outbox lane's; faked here).</summary>
public sealed class ElsewhereAnswersTests
{
    private sealed class RecordingBook : IAlertBook
    {
        public List<(string ApprovalId, string Outcome)> Closed { get; } = [];

        public Task<Alert?> GetAsync(long alertId, CancellationToken cancellationToken) => Task.FromResult<Alert?>(null);

        public Task<AlertClaim> ClaimAsync(long alertId, string action, string actor, string by, string platform, CancellationToken cancellationToken) =>
            Task.FromResult(new AlertClaim(null, false));

        public Task<Alert> CompleteAsync(long alertId, string outcome, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task AnswerElsewhereAsync(string approvalId, string outcome, CancellationToken cancellationToken)
        {
            Closed.Add((approvalId, outcome));
            return Task.CompletedTask;
        }
    }

    private static StoredEvent Replied(long id, string permissionId) =>
        new(id, "node-1", id, EventTypes.PermissionReplied, "ses_1", DateTimeOffset.UnixEpoch, $$"""{"permission_id":"{{permissionId}}","reply":"reject"}""");

    [Fact]
    public async Task PermissionReplied_KnownRequest_ClosesItsAlertsWithWhoAnswered_UnknownRequestNothing()
    {
        using var db = await TestDatabase.CreateAsync();
        var store = new ApprovalStore(db.Database);
        var approval = new ApprovalDto("apr_1", "node-1", "ses_1", "alpha", "per_1", "bash", "bash", ["rm -rf build/"], "bash: rm -rf build/",
            DateTimeOffset.UnixEpoch, ApprovalStates.Pending, null, null, null, null, null);
        Assert.True(await store.AddAsync(approval, 1, CancellationToken.None));
        await store.AnswerAsync("apr_1", ApprovalStates.Rejected, "reject", "api:admin", DateTimeOffset.UnixEpoch, null, CancellationToken.None);
        var book = new RecordingBook();
        using var services = new ServiceCollection().AddSingleton<IAlertBook>(book).BuildServiceProvider();
        var answers = new ElsewhereAnswers(services, store, NullLogger<ElsewhereAnswers>.Instance);

        await answers.CloseAsync([Replied(2, "per_unknown"), Replied(3, "per_1")], CancellationToken.None);

        Assert.Equal([("apr_1", "answered elsewhere: reject by api:admin")], book.Closed);
    }

    [Fact]
    public async Task PermissionReplied_NoAlertBookRegistered_DoesNothing()
    {
        using var db = await TestDatabase.CreateAsync();
        using var services = new ServiceCollection().BuildServiceProvider();
        var answers = new ElsewhereAnswers(services, new ApprovalStore(db.Database), NullLogger<ElsewhereAnswers>.Instance);

        var failure = await Record.ExceptionAsync(() => answers.CloseAsync([Replied(1, "per_1")], CancellationToken.None));

        Assert.Null(failure);
    }
}
