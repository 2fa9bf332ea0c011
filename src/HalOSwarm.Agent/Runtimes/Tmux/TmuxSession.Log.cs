using Microsoft.Extensions.Logging;

namespace HalOSwarm.Agent.Runtimes.Tmux;

internal sealed partial class TmuxSession
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 420, EventName = "tmux.state", Level = LogLevel.Debug, Message = "tmux session {SessionId} is {State} ({Detail})")]
        public static partial void StateChanged(ILogger logger, string sessionId, string state, string detail);

        [LoggerMessage(EventId = 421, EventName = "tmux.typed", Level = LogLevel.Information, Message = "Typed a prompt of {Chars} characters into tmux session {SessionId}")]
        public static partial void Typed(ILogger logger, string sessionId, int chars);

        [LoggerMessage(EventId = 422, EventName = "tmux.poll_failed", Level = LogLevel.Warning, Message = "Looking at tmux session {SessionId} failed: {Reason}")]
        public static partial void PollFailed(ILogger logger, string sessionId, string reason);
    }
}
