using System.Net.Http.Json;
using System.Text.Json;
using HalOSwarm.Integration.Tests.Harness;
using HalOSwarm.Testing.FakeLlm;

namespace HalOSwarm.Integration.Tests;

/// <summary>
/// A session made in opencode by someone else (its own UI, another client of the same server) is brought under
/// supervision as it is: listed as adopted, its transcript recorded, and controlled like any other.
/// </summary>
public sealed class OpenCodeAdoptionTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task SessionMadeOutsideTheAgent_AdoptedAndControlled()
    {
        await using var cluster = await HalCluster.StartAsync();
        using var openCode = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{cluster.OpenCodePort}/"), Timeout = TimeSpan.FromSeconds(60) };
        await cluster.WaitAsync(async () =>
        {
            try
            {
                using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
                using var health = await probe.GetAsync(new Uri(openCode.BaseAddress, "global/health"));
                return health.IsSuccessStatusCode;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }, s_wait, "the opencode server the agent started");
        using var created = await openCode.PostAsJsonAsync($"session?directory={Uri.EscapeDataString(cluster.ProjectDir)}", new { title = "made by hand" });
        created.EnsureSuccessStatusCode();
        var sessionId = (await created.Content.ReadFromJsonAsync<JsonElement>()).Str("id");

        var session = await cluster.WaitForSessionAsync(sessionId, s => s.TryGetProperty("adopted", out var a) && a.GetBoolean(), s_wait,
            "the hand-made session to be adopted");
        Assert.Equal("opencode", session.Str("runtime"));
        var list = await cluster.CtlAsync("sessions", "list");
        Assert.Contains("opencode (adopted)", list.StdOut, StringComparison.Ordinal);

        cluster.Llm.Enqueue(FakeReply.Text("Answer to the adopted session."));
        var prompt = await cluster.CtlAsync("sessions", "prompt", sessionId, "hello from halctl");
        Assert.True(prompt.ExitCode == 0, prompt.ToString());
        await cluster.WaitAsync(async () => (await cluster.GetEventsAsync($"session_id={sessionId}&type=message.completed"))
            .Any(e => e.Data().Str("text") == "Answer to the adopted session."), s_wait, "the adopted session's answer");

        // ours are not marked adopted
        var start = await cluster.CtlAsync("--format", "json", "sessions", "start", HalCluster.ProjectName, "--prompt", "hi");
        Assert.True(start.ExitCode == 0, start.ToString());
        var ours = JsonDocument.Parse(start.StdOut).RootElement.GetProperty("result").Str("session_id");
        Assert.False((await cluster.GetDataAsync($"api/v1/sessions/{ours}")).GetProperty("adopted").GetBoolean());
    }
}
