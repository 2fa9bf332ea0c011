using Microsoft.Extensions.Logging;

namespace HalOSwarm.Agent.Runtimes.Tmux;

internal sealed partial class TmuxSession
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 420, EventName = "tmux.state", Level = LogLevel.Debug, Message = "tmux session {session_id} is {state} ({detail})")]
        public static partial void StateChanged(ILogger logger, string session_id, string state, string detail);

        [LoggerMessage(EventId = 421, EventName = "tmux.typed", Level = LogLevel.Information, Message = "Typed a prompt of {chars} characters into tmux session {session_id}")]
        public static partial void Typed(ILogger logger, string session_id, int chars);

        [LoggerMessage(EventId = 422, EventName = "tmux.poll_failed", Level = LogLevel.Warning, Message = "Looking at tmux session {session_id} failed: {reason}")]
        public static partial void PollFailed(ILogger logger, string session_id, string reason);
    }
}
