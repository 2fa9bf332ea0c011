using System.Text.Json;
using HalOSwarm.Dashboard.Tests.Support;
using HalOSwarm.Integration.Tests.Harness;
using HalOSwarm.Testing.FakeLlm;
using Microsoft.Playwright;

namespace HalOSwarm.Dashboard.Tests;

/// <summary>
/// The session page against a real supervisor, agent and opencode session on the fake LLM: the streamed reply is
/// readable, a permission request is answered on the page and the tool runs, a prompt is sent and answered, kill ends
/// the session, and a viewer can neither see the controls nor act with a forged request.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SessionPageTests(BrowserFixture browser)
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(120);
    private static readonly LocatorAssertionsToContainTextOptions s_text = new() { Timeout = DashboardSession.Timeout * 2 };
    private const string ToolArgs = """{"command":"echo hi-from-page > marker.txt","description":"write marker"}""";

    private static async Task<string> StartSessionAsync(HalCluster cluster, string prompt)
    {
        var start = await cluster.CtlAsync("--format", "json", "sessions", "start", HalCluster.ProjectName, "--prompt", prompt);
        Assert.True(start.ExitCode == 0, start.ToString());
        return JsonDocument.Parse(start.StdOut).RootElement.GetProperty("result").Str("session_id");
    }

    private static ILocator Transcript(IPage page) => page.Locator("#transcript");

    [Fact]
    public async Task SessionPage_Operator_StreamedReplyReadablePromptAnsweredAndKillEndsTheSession()
    {
        await using var cluster = await HalCluster.StartAsync();
        const string first = "The first answer arrives in many small streamed pieces, readable on the page.";
        cluster.Llm.Enqueue(FakeReply.Text(first, chunks: 12, delay: TimeSpan.FromMilliseconds(150)), FakeReply.Text("The second answer, to the page's prompt."));
        var sessionId = await StartSessionAsync(cluster, "first question");
        var token = await DashboardSession.IssueTokenAsync(cluster, "olga", "operator");
        var page = await DashboardSession.SignInAsync(browser, cluster, token, $"/sessions/{sessionId}");

        await Assertions.Expect(Transcript(page)).ToContainTextAsync("first question", s_text);
        await Assertions.Expect(Transcript(page)).ToContainTextAsync(first, s_text);
        await cluster.WaitForSessionAsync(sessionId, s => s.Str("status") == "idle", s_wait, "session idle after the first turn");
        await Assertions.Expect(page.Locator("[data-testid=session-status]")).ToHaveTextAsync("idle", new() { Timeout = DashboardSession.Timeout });

        await page.FillAsync("#prompt-text", "second question from the page");
        await page.ClickAsync("#prompt-send");
        await Assertions.Expect(Transcript(page)).ToContainTextAsync("second question from the page", s_text);
        await Assertions.Expect(Transcript(page)).ToContainTextAsync("The second answer, to the page's prompt.", s_text);
        await Assertions.Expect(page.Locator("#action-outcome")).ToContainTextAsync("prompt succeeded", s_text);
        await Assertions.Expect(page.Locator("[data-testid=command-row][data-state=succeeded]").First).ToContainTextAsync("prompt", s_text);
        Assert.Equal("second question from the page", cluster.Llm.Turns.Last().LastUserText);
        await Screenshots.TakeAsync(page, "session");

        await page.ClickAsync("#action-kill");
        await page.ClickAsync("#kill-confirm");
        await Assertions.Expect(page.Locator("[data-testid=session-status]")).ToHaveTextAsync("killed", new() { Timeout = DashboardSession.Timeout * 2 });
        var session = await cluster.GetDataAsync($"api/v1/sessions/{sessionId}");
        Assert.Equal("killed", session.Str("status"));
        var kill = await cluster.GetDataAsync($"api/v1/commands?session_id={sessionId}&type=kill");
        Assert.Equal("token:olga/dashboard", kill[0].Str("actor"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SessionPage_ApproveClicked_ToolRunsAndTheAnswerIsShown()
    {
        await using var cluster = await HalCluster.StartAsync(new ClusterOptions
        {
            OpenCodePermissionJson = """{"bash":"ask"}""",
            SupervisorSections = new Dictionary<string, string> { ["approvals"] = """{"timeout_sec":300,"default_reply":"reject"}""" },
        });
        cluster.Llm.Enqueue(FakeReply.ToolCall("bash", ToolArgs), FakeReply.Text("Wrote the marker from the page."));
        var sessionId = await StartSessionAsync(cluster, "Write the marker file.");
        var token = await DashboardSession.IssueTokenAsync(cluster, "olga", "operator");
        var page = await DashboardSession.SignInAsync(browser, cluster, token, $"/sessions/{sessionId}");

        var permission = page.Locator("[data-testid=transcript-line][data-kind=permission]");
        await Assertions.Expect(permission).ToContainTextAsync("echo hi-from-page", s_text);
        await Assertions.Expect(permission.Locator("[data-testid=always]")).ToBeVisibleAsync(new() { Timeout = DashboardSession.Timeout });
        var marker = Path.Combine(cluster.ProjectDir, "marker.txt");
        Assert.False(File.Exists(marker), "the tool must wait for the answer");
        await Screenshots.TakeAsync(page, "session-approval");
        await permission.Locator("[data-testid=approve]").ClickAsync();

        await cluster.WaitAsync(() => Task.FromResult(File.Exists(marker)), s_wait, "marker.txt written by the approved tool");
        Assert.Equal("hi-from-page", (await File.ReadAllTextAsync(marker)).Trim());
        await Assertions.Expect(permission.Locator("[data-testid=permission-state]")).ToContainTextAsync("approved once by token:olga/dashboard", s_text);
        await Assertions.Expect(page.Locator("[data-testid=transcript-line][data-kind=tool]")).ToContainTextAsync("completed", s_text);
        await Assertions.Expect(Transcript(page)).ToContainTextAsync("Wrote the marker from the page.", s_text);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SessionPage_Viewer_NoActingControlsAndAForgedKillFromItsCookieIsRefused()
    {
        await using var cluster = await HalCluster.StartAsync();
        cluster.Llm.Enqueue(FakeReply.Text("An answer a viewer may read."));
        var sessionId = await StartSessionAsync(cluster, "a question");
        await cluster.WaitForSessionAsync(sessionId, s => s.Str("status") == "idle", s_wait, "session idle");
        var token = await DashboardSession.IssueTokenAsync(cluster, "vera", "viewer");
        var page = await DashboardSession.SignInAsync(browser, cluster, token, $"/sessions/{sessionId}");

        await Assertions.Expect(Transcript(page)).ToContainTextAsync("An answer a viewer may read.", s_text);
        await Assertions.Expect(page.Locator("#session-summary")).ToContainTextAsync("opencode", s_text);
        Assert.Equal(0, await page.Locator("#session-controls").CountAsync());
        Assert.Equal(0, await page.Locator("#action-kill, #prompt-send, [data-testid=approve]").CountAsync());
        await Screenshots.TakeAsync(page, "session-viewer");

        var forged = await page.APIRequest.PostAsync(cluster.SupervisorUrl + $"/api/v1/sessions/{sessionId}/kill",
            new() { Headers = new Dictionary<string, string> { ["Origin"] = cluster.SupervisorUrl } });
        Assert.Equal(403, forged.Status);
        var session = await cluster.GetDataAsync($"api/v1/sessions/{sessionId}");
        Assert.Equal("idle", session.Str("status"));
        var commands = await cluster.GetDataAsync($"api/v1/commands?session_id={sessionId}&type=kill");
        Assert.Equal(0, commands.GetArrayLength());
        await page.Context.CloseAsync();
    }
}
