using System.Text.Json.Nodes;
using HalOSwarm.Supervisor.Maintenance;
using HalOSwarm.Supervisor.Tests.Support;
using HalOSwarm.Testing;
using static HalOSwarm.Supervisor.Tests.Search.SearchFixture;

namespace HalOSwarm.Supervisor.Tests.Search;

/// <summary>The index over time: retention takes hits with their events, a restart resumes from the indexer's cursor.</summary>
public sealed class SearchIndexTests
{
    [Fact]
    public async Task Retention_OldEventsDeleted_TheirHitsLeaveTheIndexRecentOnesStay()
    {
        var old = DateTimeOffset.UtcNow.AddDays(-40);
        await using var host = await SupervisorHost.StartAsync(config =>
            config["retention"] = new JsonObject { ["events_days"] = 30, ["archive"] = false });
        await using var agent = await TestAgent.ConnectAsync(host, "node-r");
        await agent.SendEventsAsync(
            Message(1, "ses_r", "the old albatross report", ts: old),
            Message(2, "ses_r", "another old albatross note", ts: old.AddSeconds(1)),
            Message(3, "ses_r", "a fresh albatross sighting", ts: DateTimeOffset.UtcNow));
        await agent.WaitForAckAsync(3);
        await WaitForHitsAsync(host, "albatross", 3);

        var result = await host.Service<EventRetentionService>().RunOnceAsync(CancellationToken.None);

        Assert.Equal(2, result.Deleted);
        var hits = await HitsAsync(host, "q=albatross");
        Assert.Equal("a fresh \u27E6albatross\u27E7 sighting", Assert.Single(hits).GetProperty("snippet").GetString());
    }

    [Fact]
    public async Task Indexer_EventsStoredWhileItWasOff_IndexedAfterRestartFromItsCursorEachOnce()
    {
        using var temp = new TempDirectory("hal-search");
        await using (var first = await SupervisorHost.StartAsync(reuse: temp))
        {
            await using var agent = await TestAgent.ConnectAsync(first, "node-c");
            await agent.SendEventsAsync(Created(1, "ses_c", "alpha"), Message(2, "ses_c", "the first flamingo"));
            await agent.WaitForAckAsync(2);
            await WaitForHitsAsync(first, "flamingo");
        }
        await using (var off = await SupervisorHost.StartAsync(config => config["search"] = new JsonObject { ["enabled"] = false }, reuse: temp))
        {
            await using var agent = await TestAgent.ConnectAsync(off, "node-d");
            await agent.SendEventsAsync(Created(1, "ses_d", "alpha"), Message(2, "ses_d", "the second flamingo"), Message(3, "ses_d", "a third flamingo"));
            await agent.WaitForAckAsync(3);
        }

        await using var again = await SupervisorHost.StartAsync(reuse: temp);
        var hits = await WaitForHitsAsync(again, "flamingo", 3);

        Assert.Equal(["third", "second", "first"], hits.Select(h => h.GetProperty("snippet").GetString()!.Split(' ')[^2]));
        Assert.All(hits, h => Assert.Equal("alpha", h.GetProperty("project").GetString()));
        await using var marker = await TestAgent.ConnectAsync(again, "node-m");
        await marker.SendEventsAsync(Message(1, "ses_m", "the last flamingo"));
        await WaitForHitsAsync(again, "flamingo", 4);
        Assert.Equal(4, (await HitsAsync(again, "q=flamingo")).Length);
    }
}
