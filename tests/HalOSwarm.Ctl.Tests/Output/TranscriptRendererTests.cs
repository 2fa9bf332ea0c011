using System.Text.Json;
using HalOSwarm.Ctl.Api;
using HalOSwarm.Ctl.Output;
using HalOSwarm.Ctl.Tests.Support;
using HalOSwarm.Protocol;
using HalOSwarm.Protocol.Events;

namespace HalOSwarm.Ctl.Tests.Output;

public sealed class TranscriptRendererTests
{
    private static readonly ProtocolJsonContext s_json = ProtocolJsonContext.Default;

    private static List<EventDto> Conversation() =>
    [
        ApiJson.Dto(ApiJson.Event(1, EventTypes.SessionCreated, new SessionCreatedData("demo", "opencode", "/src/demo", "Login", "claude-sonnet"), s_json.SessionCreatedData)),
        ApiJson.Dto(ApiJson.Event(2, EventTypes.MessageCompleted, new MessageCompletedData("msg_u", "user", "Fix the login bug"), s_json.MessageCompletedData)),
        ApiJson.Dto(ApiJson.Event(3, EventTypes.SessionRunning, new SessionStatusData(), s_json.SessionStatusData)),
        ApiJson.Dto(ApiJson.Event(4, EventTypes.MessageDelta, new MessageDeltaData("msg_a", "p1", "Looking at "), s_json.MessageDeltaData)),
        ApiJson.Dto(ApiJson.Event(5, EventTypes.MessageDelta, new MessageDeltaData("msg_a", "p1", "the auth module."), s_json.MessageDeltaData)),
        ApiJson.Dto(ApiJson.Event(6, EventTypes.ToolStarted,
            new ToolStartedData("call_1", "bash", "msg_a", JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["command"] = "grep -rn login src/", ["description"] = "find" })),
            s_json.ToolStartedData)),
        ApiJson.Dto(ApiJson.Event(7, EventTypes.ToolFinished, new ToolFinishedData("call_1", "bash", "msg_a", "completed", "grep", "src/auth.cs:12", null), s_json.ToolFinishedData)),
        ApiJson.Dto(ApiJson.Event(8, EventTypes.MessageCompleted, new MessageCompletedData("msg_a", "assistant", "Looking at the auth module.", "claude-sonnet"), s_json.MessageCompletedData)),
        ApiJson.Dto(ApiJson.Event(9, EventTypes.Usage, new UsageData("msg_a", "anthropic", "claude-sonnet", new TokenCounts(1200, 340, 0, 0, 0), 0.0123m, 5000), s_json.UsageData)),
        ApiJson.Dto(ApiJson.Event(10, EventTypes.SessionIdle, new SessionStatusData(), s_json.SessionStatusData)),
    ];

    private static string Render(IEnumerable<EventDto> events, bool deltas = false)
    {
        var output = new StringWriter();
        var renderer = new TranscriptRenderer(output, deltas, timeZone: TimeZoneInfo.Utc);
        foreach (var evt in events)
        {
            renderer.Render(evt);
        }
        renderer.Flush();
        return output.ToString();
    }

    private static int Count(string text, string part) => text.Split(part).Length - 1;

    [Fact]
    public void Render_Conversation_ShowsPromptAssistantTextOnceToolsAndUsage()
    {
        var text = Render(Conversation());

        Assert.Contains("11:59:00 user: Fix the login bug", text);
        Assert.Equal(1, Count(text, "Looking at the auth module."));
        Assert.Contains("assistant: Looking at the auth module.", text);
        Assert.Contains("▶ tool bash: grep -rn login src/", text);
        Assert.Contains("✓ tool bash (completed)", text);
        Assert.Contains("usage: tokens 1200 in / 340 out, $0.0123", text);
        Assert.Contains("◆ status: running", text);
        Assert.Contains("◆ status: idle", text);
        Assert.DoesNotContain("message.delta", text);
    }

    [Fact]
    public void Render_WithDeltas_StreamsTextAndDoesNotRepeatItOnCompletion()
    {
        var text = Render(Conversation(), deltas: true);

        Assert.Equal(1, Count(text, "Looking at the auth module."));
        Assert.Contains("assistant: Looking at the auth module.\n", text.ReplaceLineEndings("\n"));
        Assert.Contains("▶ tool bash", text);
    }

    [Fact]
    public void Render_ErrorAndFailedTool_ShowsEachOnOneLine()
    {
        var text = Render(
        [
            ApiJson.Dto(ApiJson.Event(1, EventTypes.ToolFinished, new ToolFinishedData("c", "edit", null, "error", null, null, "file not found"), s_json.ToolFinishedData)),
            ApiJson.Dto(ApiJson.Event(2, EventTypes.SessionError, new SessionErrorData("APIError", "rate limited", 429), s_json.SessionErrorData)),
        ]);

        var lines = text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.EndsWith("✗ tool edit (error): file not found", lines[0]);
        Assert.EndsWith("✗ error APIError: rate limited (HTTP 429)", lines[1]);
    }

    [Fact]
    public void Render_MultiLineMessage_IndentsContinuationLines()
    {
        var text = Render([ApiJson.Dto(ApiJson.Event(1, EventTypes.MessageCompleted, new MessageCompletedData("m", "assistant", "one\ntwo"), s_json.MessageCompletedData))]);

        Assert.Equal("11:59:00 assistant: one\n    two\n", text.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Render_UnknownType_PrintsTypeAndData()
    {
        var evt = ApiJson.Dto(ApiJson.Event(1, "custom.thing", new SessionStatusData("why"), s_json.SessionStatusData));

        Assert.Contains("· custom.thing {\"reason\":\"why\"}", Render([evt]));
    }
}
