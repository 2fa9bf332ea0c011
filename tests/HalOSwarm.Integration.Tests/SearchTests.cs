using System.Text.Json;
using HalOSwarm.Integration.Tests.Harness;
using HalOSwarm.Testing.FakeLlm;

namespace HalOSwarm.Integration.Tests;

/// <summary>Search over a real opencode session's transcript, through the built supervisor, agent and halctl.</summary>
public sealed class SearchTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task HalctlSearch_WordFromAFinishedSessionsTranscript_FoundWithItsSessionAndProject()
    {
        await using var cluster = await HalCluster.StartAsync();
        const string reply = "We settled on the quasar-lattice approach because the old cache kept timing out.";
        cluster.Llm.Enqueue(FakeReply.Text(reply, chunks: 6, delay: TimeSpan.FromMilliseconds(50)));
        var start = await cluster.CtlAsync("--format", "json", "sessions", "start", HalCluster.ProjectName, "--prompt", "Which approach did we pick for the cache?");
        Assert.True(start.ExitCode == 0, start.ToString());
        var sessionId = JsonDocument.Parse(start.StdOut).RootElement.GetProperty("result").Str("session_id");
        await cluster.WaitForSessionAsync(sessionId, s => s.Str("status") == "idle" && s.GetProperty("tokens").Long("output") > 0, s_wait, "turn finished");
        var kill = await cluster.CtlAsync("sessions", "kill", sessionId);
        Assert.True(kill.ExitCode == 0, kill.ToString());
        await cluster.WaitForSessionAsync(sessionId, s => s.Str("status") == "killed", s_wait, "session finished");

        // The index follows the log a moment behind it.
        JsonElement[] hits = [];
        await cluster.WaitAsync(async () =>
        {
            var json = await cluster.CtlAsync("--format", "json", "search", "quasar");
            Assert.True(json.ExitCode == 0, json.ToString());
            hits = [.. JsonDocument.Parse(json.StdOut).RootElement.EnumerateArray()];
            return hits.Length > 0;
        }, s_wait, "a hit for 'quasar'");
        var table = await cluster.CtlAsync("search", "quasar", "lattice", "--project", HalCluster.ProjectName, "--since", "1h");
        var phrase = await cluster.CtlAsync("--format", "json", "search", "\"which approach\"", "--session", sessionId);

        var hit = Assert.Single(hits);
        Assert.Equal(sessionId, hit.Str("session_id"));
        Assert.Equal(HalCluster.ProjectName, hit.Str("project"));
        Assert.Equal(cluster.NodeId, hit.Str("node_id"));
        Assert.Equal("message.completed", hit.Str("type"));
        Assert.Contains("\u27E6quasar\u27E7", hit.Str("snippet"), StringComparison.Ordinal);
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains(sessionId, table.StdOut, StringComparison.Ordinal);
        Assert.Contains("quasar-lattice approach", table.StdOut, StringComparison.Ordinal);
        // The user's prompt is part of the transcript too.
        Assert.True(phrase.ExitCode == 0, phrase.ToString());
        Assert.Contains(JsonDocument.Parse(phrase.StdOut).RootElement.EnumerateArray(),
            h => h.Str("type") == "message.completed" && h.Str("snippet").Contains("\u27E6Which approach\u27E7 did we pick", StringComparison.Ordinal));
    }
}
