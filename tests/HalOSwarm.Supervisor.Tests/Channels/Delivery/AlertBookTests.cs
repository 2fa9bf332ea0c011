using HalOSwarm.Supervisor.Channels.Alerts;
using HalOSwarm.Testing.FakeChat.Webhook;
using static HalOSwarm.Supervisor.Tests.Channels.Delivery.OutboxTestKit;

namespace HalOSwarm.Supervisor.Tests.Channels.Delivery;

/// <summary>Claim, complete and answer-elsewhere on stored alerts, and the in-place updates they queue.</summary>
public sealed class AlertBookTests
{
    [Fact]
    public async Task Claim_Twice_SecondRefusedWithFirstAnswer()
    {
        await using var receiver = await FakeWebhookReceiver.StartAsync();
        await using var host = await StartAsync(receiver);
        var book = host.Service<IAlertBook>();
        var alertId = await StoreAsync(host, NewAlert("approve me", "ap-1"), Target);

        var claims = await Task.WhenAll(
            book.ClaimAsync(alertId, AlertActions.Approve, "chat:slack:U1", "alice", "slack", CancellationToken.None),
            book.ClaimAsync(alertId, AlertActions.Deny, "chat:discord:42", "bob", "discord", CancellationToken.None));

        var winner = Assert.Single(claims, c => c.Claimed);
        var loser = Assert.Single(claims, c => !c.Claimed);
        Assert.Equal(winner.Alert!.Answer!.Actor, loser.Alert!.Answer!.Actor);
        Assert.Equal(winner.Alert.Answer.Action, loser.Alert.Answer.Action);
        Assert.Equal(AlertBookRows.InProgress, loser.Alert.Answer.Outcome);
        var third = await book.ClaimAsync(alertId, AlertActions.Approve, "chat:telegram:7", "carol", "telegram", CancellationToken.None);
        Assert.False(third.Claimed);
        Assert.Equal(winner.Alert.Answer.By, third.Alert!.Answer!.By);
        var unknown = await book.ClaimAsync(999_999, AlertActions.Approve, "chat:slack:U1", "alice", "slack", CancellationToken.None);
        Assert.Null(unknown.Alert);
        Assert.False(unknown.Claimed);
    }

    [Fact]
    public async Task Complete_DeliveredPost_UpdateQueuedAndSentWithTheAnswer()
    {
        await using var receiver = await FakeWebhookReceiver.StartAsync();
        await using var host = await StartAsync(receiver);
        var book = host.Service<IAlertBook>();
        var alertId = await StoreAsync(host, NewAlert("approve me", "ap-2"), Target);
        var post = await WaitForStateAsync(host, alertId, "post", "delivered");

        Assert.True((await book.ClaimAsync(alertId, AlertActions.Approve, "chat:slack:U1", "alice", "slack", CancellationToken.None)).Claimed);
        var completed = await book.CompleteAsync(alertId, "approved once", CancellationToken.None);
        var update = await WaitForStateAsync(host, alertId, "update", "delivered");

        Assert.Equal("approved once", completed.Answer!.Outcome);
        var request = Assert.Single(For(receiver, update.GetProperty("id").GetInt64()));
        Assert.True(request.HasValidSignature(Secret));
        var body = request.Json;
        Assert.Equal("update", body.GetProperty("op").GetString());
        Assert.Equal(post.GetProperty("id").GetInt64(), body.GetProperty("post_delivery_id").GetInt64());
        var answer = body.GetProperty("alert").GetProperty("answer");
        Assert.Equal("alice", answer.GetProperty("by").GetString());
        Assert.Equal("slack", answer.GetProperty("platform").GetString());
        Assert.Equal("approved once", answer.GetProperty("outcome").GetString());
        var detail = await host.GetDataAsync($"/api/v1/channels/alerts/{alertId}");
        Assert.Equal("approved once", detail.GetProperty("alert").GetProperty("answer").GetProperty("outcome").GetString());
        Assert.Equal(["post", "update"], detail.GetProperty("deliveries").EnumerateArray().Select(d => d.GetProperty("op").GetString()));
    }

    [Fact]
    public async Task Complete_WithoutClaim_Refused()
    {
        await using var receiver = await FakeWebhookReceiver.StartAsync();
        await using var host = await StartAsync(receiver);
        var alertId = await StoreAsync(host, NewAlert("not claimed"), Target);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.Service<IAlertBook>().CompleteAsync(alertId, "done", CancellationToken.None));

        Assert.Contains("was not claimed", error.Message, StringComparison.Ordinal);
        Assert.Null((await host.Service<IAlertBook>().GetAsync(alertId, CancellationToken.None))!.Answer);
    }

    [Fact]
    public async Task AnswerElsewhere_OpenAlertsOfApproval_ClosedBySupervisorAndUpdated()
    {
        await using var receiver = await FakeWebhookReceiver.StartAsync();
        await using var host = await StartAsync(receiver);
        var book = host.Service<IAlertBook>();
        var open = await StoreAsync(host, NewAlert("open", "ap-3"), Target);
        var answered = await StoreAsync(host, NewAlert("answered", "ap-3"), Target);
        var other = await StoreAsync(host, NewAlert("another request", "ap-4"), Target);
        await WaitForStateAsync(host, open, "post", "delivered");
        await book.ClaimAsync(answered, AlertActions.Deny, "chat:slack:U1", "alice", "slack", CancellationToken.None);
        await book.CompleteAsync(answered, "denied", CancellationToken.None);

        await book.AnswerElsewhereAsync("ap-3", "answered elsewhere: approved by api:admin", CancellationToken.None);
        await WaitForStateAsync(host, open, "update", "delivered");

        var closed = (await book.GetAsync(open, CancellationToken.None))!.Answer!;
        Assert.Equal("supervisor", closed.Actor);
        Assert.Equal("answered elsewhere: approved by api:admin", closed.Outcome);
        Assert.Equal("denied", (await book.GetAsync(answered, CancellationToken.None))!.Answer!.Outcome);
        Assert.Null((await book.GetAsync(other, CancellationToken.None))!.Answer);
        Assert.Single(await DeliveriesAsync(host, answered), d => d.GetProperty("op").GetString() == "update");
    }
}
