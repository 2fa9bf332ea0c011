using System.Text.Json;
using HalOSwarm.Agent.Configuration;
using HalOSwarm.Agent.Connection;
using HalOSwarm.Agent.Runtimes.Codex;
using HalOSwarm.Protocol;

namespace HalOSwarm.Agent.Tests.Runtimes.Codex;

/// <summary>
/// The mapper over recorded output of codex 0.169 app-server (Fixtures/cx_app_server.jsonl: one thread
/// over three app-server processes — text and tool turns; resumed: an approval, a 429 after retries, a
/// 400; resumed again: a usage limit with its reset, a 500, an interrupted turn, a turn after it).
/// </summary>
public sealed class CodexEventMapperTests
{
    private const string Thread = "01a21bf0-22b2-7131-b556-1643ad36e151";
    private const string ApprovalTurn = "01a21bf0-89ac-71a3-bbd5-cdb9b556dc19";

    private static readonly CodexOptions s_options = new()
    {
        Model = "fake-model",
        Provider = new CodexProviderOptions { Name = "fake", BaseUrl = "http://127.0.0.1:1/v1" },
        Rates = new() { ["fake-model"] = new CodexRateOptions { Input = 2.5m, CachedInput = 0.25m, Output = 10m } },
    };

    private static string[] Lines() => File.ReadAllLines(Fixtures.PathOf("cx_app_server.jsonl"));

    /// <summary>The events as the recorder keeps them: an event whose once-key was seen is dropped.</summary>
    private static List<PendingEvent> Recorded(IEnumerable<PendingEvent> events)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        return [.. events.Where(e => e.OnceKey is null || keys.Add(e.OnceKey))];
    }

    private static List<PendingEvent> MapAll(CodexEventMapper mapper, IEnumerable<string> lines) => Recorded(lines.SelectMany(mapper.Map));

    private static string? Str(PendingEvent e, string name) =>
        e.Data.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    [Fact]
    public void Map_RecordedThread_TranscriptInOrder()
    {
        var events = MapAll(new CodexEventMapper(Thread, s_options), Lines());
        var messages = events.Where(e => e.Type == EventTypes.MessageCompleted).Select(e => (Str(e, "role"), Str(e, "text"))).ToList();

        Assert.Equal(("user", "hi"), messages[0]);
        Assert.Equal(("assistant", "Hello from fake. "), messages[1]);
        Assert.Equal(("user", "run tool"), messages[2]);
        Assert.Contains(("user", "after"), messages);
        Assert.All(events, e => Assert.Equal(Thread, e.SessionId));
        var deltas = events.Where(e => e.Type == EventTypes.MessageDelta).ToList();
        Assert.Equal("Hello from fake. ", string.Concat(deltas.Take(3).Select(e => Str(e, "text"))));
        Assert.Equal(9, events.Count(e => e.Type == EventTypes.SessionRunning));
        Assert.Equal(9, events.Count(e => e.Type == EventTypes.SessionIdle));
    }

    [Fact]
    public void Map_CommandExecution_ToolStartedAndFinishedWithCommandAndOutput()
    {
        var events = MapAll(new CodexEventMapper(Thread, s_options), Lines());
        var finished = events.Where(e => e.Type == EventTypes.ToolFinished).ToList();

        Assert.Equal(2, finished.Count);
        Assert.Equal("exec_command", Str(finished[0], "tool"));
        Assert.Equal("completed", Str(finished[0], "status"));
        Assert.Equal("done\n", Str(finished[0], "output"));
        Assert.Contains("touch made-by-tool.txt", Str(finished[0], "title"), StringComparison.Ordinal);
        var started = events.First(e => e.Type == EventTypes.ToolStarted);
        Assert.Equal(Str(finished[0], "call_id"), Str(started, "call_id"));
        Assert.Contains("touch made-by-tool.txt", started.Data.GetProperty("input").GetProperty("command").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Map_CumulativeUsage_BookedPerTurnAsDifferencesAndPriced()
    {
        var events = MapAll(new CodexEventMapper(Thread, s_options), Lines());
        var usage = events.Where(e => e.Type == EventTypes.Usage).ToList();

        // one response in turns 1 and 4, two (a tool call, then the answer) in turns 2 and 3; the totals a
        // resumed thread reports again, and turns that failed before a response, book nothing
        Assert.Equal([900L, 1800L, 1800L, 900L], usage.Select(e => e.Data.GetProperty("tokens").GetProperty("input").GetInt64()));
        Assert.Equal([100L, 200L, 200L, 100L], usage.Select(e => e.Data.GetProperty("tokens").GetProperty("cache_read").GetInt64()));
        Assert.Equal([45L, 90L, 90L, 45L], usage.Select(e => e.Data.GetProperty("tokens").GetProperty("output").GetInt64()));
        Assert.Equal([5L, 10L, 10L, 5L], usage.Select(e => e.Data.GetProperty("tokens").GetProperty("reasoning").GetInt64()));
        Assert.Equal((900 * 2.5m + 100 * 0.25m + 50 * 10m) / 1_000_000m, usage[0].Data.GetProperty("cost_usd").GetDecimal());
        Assert.All(usage, e => Assert.Equal("fake-model", Str(e, "model")));
        Assert.All(usage, e => Assert.Equal("fake", Str(e, "provider")));
    }

    [Fact]
    public void Map_ApprovalRequest_PermissionAskedAndPendingUntilResolved()
    {
        var mapper = new CodexEventMapper(Thread, s_options);
        var lines = Lines();
        var request = Array.FindIndex(lines, l => l.Contains("item/commandExecution/requestApproval", StringComparison.Ordinal));
        var asked = Assert.Single(MapAll(mapper, lines.Take(request + 1)), e => e.Type == EventTypes.PermissionAsked);

        Assert.Equal($"{ApprovalTurn}/0", Str(asked, "permission_id"));
        Assert.Equal("exec_command", Str(asked, "tool"));
        Assert.Equal("need it", Str(asked, "reason"));
        Assert.Contains("touch esc.txt", asked.Data.GetProperty("patterns")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("0", mapper.Approvals[$"{ApprovalTurn}/0"].RequestIdJson);
        Assert.Equal(ApprovalTurn, mapper.ActiveTurnId);

        var resolved = Array.FindIndex(lines, l => l.Contains("serverRequest/resolved", StringComparison.Ordinal));
        MapAll(mapper, lines.Skip(request + 1).Take(resolved - request));
        Assert.Empty(mapper.Approvals);
    }

    [Fact]
    public void Map_Errors_StatusCodeAndUsageLimitReset()
    {
        var errors = MapAll(new CodexEventMapper(Thread, s_options), Lines()).Where(e => e.Type == EventTypes.SessionError).ToList();

        Assert.Equal(["responseTooManyFailedAttempts", "other", "usageLimitExceeded", "internalServerError"], errors.Select(e => Str(e, "error_name")));
        Assert.Equal([429, 0, 429, 500], errors.Select(e => e.Data.TryGetProperty("status_code", out var s) ? s.GetInt32() : 0));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795768722), errors[2].Data.GetProperty("reset_at").GetDateTimeOffset());
        Assert.False(errors[0].Data.TryGetProperty("reset_at", out _), "no reset when Codex sent no rate-limit snapshot with one");
    }

    [Fact]
    public void Map_InterruptedTurn_StreamedTextCompletedAndIdleInterrupted()
    {
        var events = MapAll(new CodexEventMapper(Thread, s_options), Lines());
        var idle = events.Single(e => e.Type == EventTypes.SessionIdle && Str(e, "reason") == "interrupted");
        var cut = events.Single(e => e.Type == EventTypes.MessageCompleted && Str(e, "finish") == "interrupted");

        Assert.StartsWith("Hello from fake. Hello", Str(cut, "text"), StringComparison.Ordinal);
        Assert.True(events.IndexOf(cut) < events.IndexOf(idle));
    }

    [Fact]
    public void Replay_AnyPrefix_ThenMap_SameEventsAsOnePass()
    {
        var lines = Lines();
        var whole = lines.Select(new CodexEventMapper(Thread, s_options).Map).ToList();
        for (var cut = 0; cut <= lines.Length; cut += 7)
        {
            // a restarted agent: state from the lines before the cursor, events from the lines after it
            var restarted = new CodexEventMapper(Thread, s_options);
            foreach (var line in lines.Take(cut))
            {
                restarted.Replay(line);
            }
            var after = lines.Skip(cut).Select(restarted.Map).ToList();
            Assert.Equal(whole.Skip(cut).Select(Keys), after.Select(Keys));
        }
    }

    private static string Keys(IReadOnlyList<PendingEvent> events) =>
        string.Join("|", events.Select(e => $"{e.Type}:{e.OnceKey}:{e.Data.GetRawText()}"));
}
