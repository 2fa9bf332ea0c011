using HalOSwarm.Agent.Connection;
using HalOSwarm.Protocol;
using HalOSwarm.Protocol.Events;

namespace HalOSwarm.Agent.Runtimes.Tmux;

/// <summary>The normalized events of a tmux session; the once-keys keep a re-derived event from being recorded twice.</summary>
internal static class TmuxEvents
{
    /// <summary>The most text one finished message carries (its end is kept).</summary>
    public const int MaxMessageChars = 32 * 1024;

    private static ProtocolJsonContext Ctx => ProtocolJsonContext.Default;

    public static PendingEvent Created(string sessionId, TmuxSessionState state) =>
        EventData.Create(EventTypes.SessionCreated, sessionId,
            new SessionCreatedData(state.Project, RuntimeNames.Tmux, state.Directory, state.Name, null,
                Adopted: state.Adopted, Worktree: state.Worktree, Branch: state.Branch),
            Ctx.SessionCreatedData, "created:" + sessionId);

    public static PendingEvent Status(string type, string sessionId, string? reason) =>
        EventData.Create(type, sessionId, new SessionStatusData(reason), Ctx.SessionStatusData);

    public static PendingEvent Error(string sessionId, string name, string? message) =>
        EventData.Create(EventTypes.SessionError, sessionId, new SessionErrorData(name, message, null), Ctx.SessionErrorData);

    public static PendingEvent Activity(string sessionId, string state, string? detail, double? progress) =>
        EventData.Create(EventTypes.SessionActivity, sessionId, new SessionActivityData(state, detail, progress), Ctx.SessionActivityData);

    public static PendingEvent Delta(string sessionId, string messageId, string text) =>
        EventData.Create(EventTypes.MessageDelta, sessionId, new MessageDeltaData(messageId, null, text), Ctx.MessageDeltaData);

    public static PendingEvent Message(string sessionId, string messageId, string role, string text)
    {
        if (text.Length > MaxMessageChars)
        {
            text = "…" + text[^MaxMessageChars..];
        }
        return EventData.Create(EventTypes.MessageCompleted, sessionId, new MessageCompletedData(messageId, role, text), Ctx.MessageCompletedData,
            "tmux-msg:" + messageId);
    }

    public static PendingEvent Deleted(string sessionId, string reason) =>
        EventData.Create(EventTypes.SessionDeleted, sessionId, new SessionStatusData(reason), Ctx.SessionStatusData, "deleted:" + sessionId);

    /// <summary>The id of the assistant message made of the output from <paramref name="offset"/> on.</summary>
    public static string OutputMessageId(string sessionId, long offset) => $"{sessionId}:out:{offset}";
}
