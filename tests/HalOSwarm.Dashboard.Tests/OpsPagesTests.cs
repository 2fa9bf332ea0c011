using System.Globalization;
using System.Text.Json;
using HalOSwarm.Dashboard.Tests.Support;
using HalOSwarm.Integration.Tests.Harness;
using HalOSwarm.Testing.FakeLlm;
using Microsoft.Playwright;

namespace HalOSwarm.Dashboard.Tests;

/// <summary>
/// The approvals inbox, events, audit and cost pages against the real supervisor and agent with a real opencode session
/// on the fake LLM: what an operator and a viewer see, and what one click does.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OpsPagesTests(BrowserFixture browser)
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(120);
    private static readonly LocatorAssertionsToContainTextOptions s_text = new() { Timeout = DashboardSession.Timeout };
    private const string ToolArgs = """{"command":"echo hi-from-dashboard > marker.txt","description":"write marker"}""";

    [Fact]
    public async Task ApprovalsInbox_PendingRequest_AppearsLiveViewerSeesNoButtonsOperatorApprovesInOneClickToolRunsAndAuditNamesTheDashboardUser()
    {
        await using var cluster = await HalCluster.StartAsync(new ClusterOptions
        {
            OpenCodePermissionJson = """{"bash":"ask"}""",
            SupervisorSections = new Dictionary<string, string> { ["approvals"] = """{"timeout_sec":600,"default_reply":"reject"}""" },
        });
        var viewer = await DashboardSession.SignInAsync(browser, cluster, await DashboardSession.IssueTokenAsync(cluster, "vic", "viewer"), "/approvals");
        var events = await DashboardSession.SignInAsync(browser, cluster, await DashboardSession.IssueTokenAsync(cluster, "alice", "operator"), "/events");
        await Assertions.Expect(viewer.GetByTestId("approvals-empty")).ToBeVisibleAsync(new() { Timeout = DashboardSession.Timeout });

        cluster.Llm.Enqueue(FakeReply.ToolCall("bash", ToolArgs), FakeReply.Text("Wrote the marker."));
        var start = await cluster.CtlAsync("--format", "json", "sessions", "start", HalCluster.ProjectName, "--prompt", "Write the marker file.");
        Assert.True(start.ExitCode == 0, start.ToString());
        var sessionId = JsonDocument.Parse(start.StdOut).RootElement.GetProperty("result").Str("session_id");

        // Events: the session's permission request arrives in the live tail without a reload.
        var asked = events.Locator("[data-testid=event-row][data-event-type='permission.asked']");
        await Assertions.Expect(asked.First).ToContainTextAsync(sessionId, s_text);
        await Assertions.Expect(events.GetByTestId("events-mode")).ToContainTextAsync("live", s_text);
        await Screenshots.TakeAsync(events, "events");

        // The viewer's inbox shows the request live, with the time left, and no answer buttons.
        var viewerRow = viewer.GetByTestId("approval-row");
        await Assertions.Expect(viewerRow).ToContainTextAsync("echo hi-from-dashboard", s_text);
        await Assertions.Expect(viewerRow.GetByTestId("approval-session")).ToHaveTextAsync(sessionId);
        await Assertions.Expect(viewerRow.GetByTestId("approval-time-left")).ToContainTextAsync("left, then 'reject'", s_text);
        await Assertions.Expect(viewer.GetByTestId("approvals-readonly")).ToBeVisibleAsync();
        Assert.Equal(0, await viewer.GetByTestId("approval-approve").CountAsync());
        Assert.Equal(0, await viewer.GetByTestId("approval-deny").CountAsync());
        var before = await viewerRow.GetByTestId("approval-time-left").TextContentAsync();
        await Assertions.Expect(viewerRow.GetByTestId("approval-time-left")).Not.ToHaveTextAsync(before!, new() { Timeout = DashboardSession.Timeout });

        // The operator answers in one click; the tool runs and the request leaves both inboxes.
        var inbox = events;
        await inbox.GotoAsync(cluster.SupervisorUrl + "/approvals");
        await DashboardSession.WaitLiveAsync(inbox);
        var row = inbox.GetByTestId("approval-row");
        await Assertions.Expect(row).ToContainTextAsync("echo hi-from-dashboard", s_text);
        await Assertions.Expect(row.GetByTestId("approval-project")).ToHaveTextAsync(HalCluster.ProjectName);
        await ScreenshotInOwnTabAsync(cluster, inbox, "/approvals", "approval-approve", "approvals");
        Assert.False(File.Exists(Marker(cluster)), "the tool must wait for the answer");
        await row.GetByTestId("approval-approve").ClickAsync();

        await WithSupervisorLogAsync(cluster, () =>
            Assertions.Expect(inbox.GetByTestId("approval-outcome")).ToContainTextAsync("Approved: bash of " + sessionId, s_text));
        await Assertions.Expect(inbox.GetByTestId("approvals-empty")).ToBeVisibleAsync(new() { Timeout = DashboardSession.Timeout });
        await Assertions.Expect(viewer.GetByTestId("approvals-empty")).ToBeVisibleAsync(new() { Timeout = DashboardSession.Timeout });
        await cluster.WaitAsync(() => Task.FromResult(File.Exists(Marker(cluster))), s_wait, "marker.txt written by the approved tool");
        var approval = (await cluster.GetDataAsync($"api/v1/approvals?session_id={sessionId}"))[0];
        Assert.Equal("approved_once", approval.Str("state"));
        Assert.Equal("token:alice/dashboard", approval.Str("answered_by"));

        // Audit: the answer is listed with the dashboard user as actor, its result and duration.
        await inbox.GotoAsync(cluster.SupervisorUrl + "/audit");
        await DashboardSession.WaitLiveAsync(inbox);
        await inbox.FillAsync("#audit-action", "approval");
        await inbox.GetByTestId("audit-apply").ClickAsync();
        var entry = inbox.GetByTestId("audit-row").First;
        await Assertions.Expect(entry.GetByTestId("audit-action")).ToHaveTextAsync("approval.approve", new() { Timeout = DashboardSession.Timeout });
        await Assertions.Expect(entry.GetByTestId("audit-actor")).ToHaveTextAsync("token:alice/dashboard");
        await Assertions.Expect(entry.GetByTestId("audit-result")).ToHaveTextAsync("approved_once");
        await Assertions.Expect(entry.GetByTestId("audit-duration")).ToContainTextAsync(" ");
        await Assertions.Expect(entry).ToContainTextAsync(approval.Str("approval_id"));
        await Screenshots.TakeAsync(inbox, "audit");

        await viewer.Context.CloseAsync();
        await inbox.Context.CloseAsync();
    }

    [Fact]
    public async Task CostPage_AfterASessionSpent_ChartAndTableShowTheSessionsCost()
    {
        await using var cluster = await HalCluster.StartAsync(new ClusterOptions
        {
            SupervisorSections = new Dictionary<string, string>
            {
                ["cost"] = """{"time_zone":"UTC","budgets":[{"name":"fleet-daily","scope":"global","window":"daily","limit_usd":1,"thresholds":[50,80]}]}""",
            },
        });
        cluster.Llm.Enqueue(FakeReply.Text("Done.", chunks: 2));
        var start = await cluster.CtlAsync("--format", "json", "sessions", "start", HalCluster.ProjectName, "--prompt", "Do it");
        Assert.True(start.ExitCode == 0, start.ToString());
        var sessionId = JsonDocument.Parse(start.StdOut).RootElement.GetProperty("result").Str("session_id");
        var session = await cluster.WaitForSessionAsync(sessionId, s => s.Str("status") == "idle" && s.GetProperty("tokens").Long("output") > 0, s_wait,
            "session idle with usage");
        var cost = session.GetProperty("cost_usd").GetDecimal();
        Assert.True(cost > 0, session.GetRawText());
        var shown = "$" + cost.ToString("#,0.00####", CultureInfo.InvariantCulture);

        var page = await DashboardSession.SignInAsync(browser, cluster, await DashboardSession.IssueTokenAsync(cluster, "vic", "viewer"), "/cost");
        await Assertions.Expect(page.GetByTestId("cost-total")).ToHaveTextAsync(shown, new() { Timeout = DashboardSession.Timeout });
        var chart = page.GetByTestId("cost-chart");
        await Assertions.Expect(chart.Locator("svg").First).ToBeVisibleAsync();
        await Assertions.Expect(chart).ToContainTextAsync($"{HalCluster.ProjectName} {shown}", s_text);
        await Assertions.Expect(page.Locator($"[data-testid=cost-row][data-name='{HalCluster.ProjectName}']")).ToContainTextAsync(shown, s_text);
        await Assertions.Expect(page.GetByTestId("cost-days-chart").Locator("svg").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("cost-providers")).ToContainTextAsync(shown, s_text);
        await Assertions.Expect(page.Locator("[data-testid=cost-budget][data-name='fleet-daily']")).ToContainTextAsync($"{shown} / $1.00", s_text);
        await Screenshots.TakeAsync(page, "cost");
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// The screenshot of a page with a pending request is taken in a tab of its own (resizing to phone width and back),
    /// so the tab that then answers is the one the test drove, untouched.
    /// </summary>
    private static async Task ScreenshotInOwnTabAsync(HalCluster cluster, IPage signedIn, string path, string testId, string name)
    {
        var shot = await signedIn.Context.NewPageAsync();
        await shot.GotoAsync(cluster.SupervisorUrl + path);
        await DashboardSession.WaitLiveAsync(shot);
        await shot.GetByTestId(testId).First.WaitForAsync(new() { Timeout = DashboardSession.Timeout });
        await Screenshots.TakeAsync(shot, name);
        await shot.CloseAsync();
    }

    private static async Task WithSupervisorLogAsync(HalCluster cluster, Func<Task> assertion)
    {
        try
        {
            await assertion();
        }
        catch (PlaywrightException ex)
        {
            var log = cluster.Supervisor?.Output ?? "";
            throw new Xunit.Sdk.XunitException(ex.Message + "\n--- supervisor (last 6000 chars) ---\n" + log[Math.Max(0, log.Length - 6000)..]);
        }
    }

    private static string Marker(HalCluster cluster) => Path.Combine(cluster.ProjectDir, "marker.txt");
}
