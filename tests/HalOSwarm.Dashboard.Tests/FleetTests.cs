using System.Text.Json;
using HalOSwarm.Dashboard.Tests.Support;
using HalOSwarm.Integration.Tests.Harness;
using HalOSwarm.Testing.FakeLlm;
using Microsoft.Playwright;

namespace HalOSwarm.Dashboard.Tests;

/// <summary>The fleet page against the built supervisor and agent with real opencode sessions on the fake LLM.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FleetTests(BrowserFixture browser)
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(90);
    private static readonly LocatorAssertionsToContainTextOptions s_text = new() { Timeout = DashboardSession.Timeout };

    [Fact]
    public async Task Fleet_SessionStartedWhileOpen_ShowsRunningThenIdleWithoutReload()
    {
        await using var cluster = await HalCluster.StartAsync();
        var token = await DashboardSession.IssueTokenAsync(cluster, "vera", "viewer");
        var page = await DashboardSession.SignInAsync(browser, cluster, token, "/");
        await Assertions.Expect(page.Locator("#fleet-nodes-online")).ToContainTextAsync("1 nodes online", s_text);
        var url = page.Url;

        // A reply streamed slowly (30 pieces, 300 ms apart) keeps the session busy long enough to be seen running.
        cluster.Llm.Enqueue(FakeReply.Text("A slow answer, streamed in many small pieces so it is seen running.", chunks: 30, delay: TimeSpan.FromMilliseconds(300)));
        var sessionId = await StartAsync(cluster, "Answer slowly.");

        var row = Row(page, sessionId);
        await Assertions.Expect(row.Locator("[data-testid=session-status]")).ToContainTextAsync("running", s_text);
        await Assertions.Expect(row.Locator("[data-testid=session-status]")).ToContainTextAsync("idle", s_text);
        await Assertions.Expect(row.Locator("[data-testid=session-activity]")).ToContainTextAsync("idle", s_text);
        await Assertions.Expect(row).ToContainTextAsync("fake-model", s_text);
        await Assertions.Expect(row).ToContainTextAsync(HalCluster.ProjectName, s_text);
        Assert.Equal(url, page.Url);
        Assert.Equal($"/sessions/{sessionId}", await row.Locator("a.fleet-session-link").GetAttributeAsync("href"));

        await page.GetByRole(AriaRole.Tab, new() { Name = "Nodes" }).ClickAsync();
        var node = page.Locator($"[data-testid=node-row][data-node-id='{cluster.NodeId}']");
        await Assertions.Expect(node.Locator("[data-testid=node-status]")).ToContainTextAsync("online", s_text);
        await Assertions.Expect(node.Locator("[data-testid=node-runtimes]")).ToContainTextAsync("opencode", s_text);
        await Screenshots.TakeAsync(page, "fleet-nodes");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Fleet_SessionWaitingForApproval_SortsFirstAndFiltersNarrowTheList()
    {
        await using var cluster = await HalCluster.StartAsync(new ClusterOptions
        {
            OpenCodePermissionJson = """{"bash":"ask"}""",
            SupervisorSections = new Dictionary<string, string> { ["approvals"] = """{"timeout_sec":300,"default_reply":"reject"}""" },
        });
        // The waiting session starts first; the idle one is active later, yet the waiting one sorts above it.
        cluster.Llm.Enqueue(FakeReply.ToolCall("bash", """{"command":"echo hi > marker.txt","description":"write marker"}"""), FakeReply.Text("Done."));
        var waiting = await StartAsync(cluster, "Write the marker file.");
        await cluster.WaitForAsync(async () =>
        {
            var list = await cluster.GetDataAsync($"api/v1/approvals?session_id={waiting}");
            return list.GetArrayLength() > 0 ? list[0] : (JsonElement?)null;
        }, s_wait, "a pending approval");
        cluster.Llm.Enqueue(FakeReply.Text("Nothing to do."));
        var idle = await StartAsync(cluster, "Say nothing.");
        await cluster.WaitForSessionAsync(idle, s => s.Str("status") == "idle", s_wait, "second session idle");

        var token = await DashboardSession.IssueTokenAsync(cluster, "olga", "operator");
        var page = await DashboardSession.SignInAsync(browser, cluster, token, "/");
        var rows = page.Locator("[data-testid=session-row]");
        await Assertions.Expect(rows).ToHaveCountAsync(2, new() { Timeout = DashboardSession.Timeout });
        await Assertions.Expect(rows.Nth(0)).ToHaveAttributeAsync("data-session-id", waiting);
        await Assertions.Expect(rows.Nth(0).Locator("[data-testid=session-attention]")).ToContainTextAsync("approval pending", s_text);
        await Assertions.Expect(rows.Nth(1)).ToHaveAttributeAsync("data-session-id", idle);
        await Assertions.Expect(page.Locator("#fleet-attention")).ToContainTextAsync("1 need attention", s_text);
        await Screenshots.TakeAsync(page, "fleet");

        // status (from the summary chip), text and node filters
        await page.Locator("#fleet-sessions-idle").ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(1, new() { Timeout = DashboardSession.Timeout });
        await Assertions.Expect(rows.Nth(0)).ToHaveAttributeAsync("data-session-id", idle);
        await page.GotoAsync(cluster.SupervisorUrl + "/");
        await DashboardSession.WaitLiveAsync(page);
        await Assertions.Expect(rows).ToHaveCountAsync(2, new() { Timeout = DashboardSession.Timeout });
        await page.FillAsync("#filter-text", waiting);
        await Assertions.Expect(rows).ToHaveCountAsync(1, new() { Timeout = DashboardSession.Timeout });
        await Assertions.Expect(rows.Nth(0)).ToHaveAttributeAsync("data-session-id", waiting);
        await page.FillAsync("#filter-node", "no-such-node");
        await Assertions.Expect(page.Locator("#fleet-sessions-empty")).ToContainTextAsync("No sessions match", s_text);
        await page.Context.CloseAsync();
    }

    private static ILocator Row(IPage page, string sessionId) => page.Locator($"[data-testid=session-row][data-session-id='{sessionId}']");

    private static async Task<string> StartAsync(HalCluster cluster, string prompt)
    {
        var start = await cluster.CtlAsync("--format", "json", "sessions", "start", HalCluster.ProjectName, "--prompt", prompt);
        Assert.True(start.ExitCode == 0, start.ToString());
        return JsonDocument.Parse(start.StdOut).RootElement.GetProperty("result").Str("session_id");
    }
}
