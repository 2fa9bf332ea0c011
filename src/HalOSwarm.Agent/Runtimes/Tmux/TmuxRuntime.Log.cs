using Microsoft.Extensions.Logging;

namespace HalOSwarm.Agent.Runtimes.Tmux;

internal sealed partial class TmuxRuntime
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 410, EventName = "tmux.started", Level = LogLevel.Information, Message = "Started tmux session {Name} for project {Project}")]
        public static partial void Started(ILogger logger, string name, string project);

        [LoggerMessage(EventId = 411, EventName = "tmux.reattached", Level = LogLevel.Information, Message = "Following tmux session {SessionId} ({Name}) again from output offset {Cursor}")]
        public static partial void Reattached(ILogger logger, string sessionId, string name, long cursor);

        [LoggerMessage(EventId = 412, EventName = "tmux.no_state", Level = LogLevel.Warning, Message = "Tracked tmux session {SessionId} has no state in {Folder}; not followed")]
        public static partial void NoState(ILogger logger, string sessionId, string folder);

        [LoggerMessage(EventId = 413, EventName = "tmux.adopted", Level = LogLevel.Information, Message = "Adopted tmux session {Name} as {SessionId}")]
        public static partial void Adopted(ILogger logger, string sessionId, string name);

        [LoggerMessage(EventId = 414, EventName = "tmux.killed", Level = LogLevel.Information, Message = "Killed tmux session {Name} ({SessionId})")]
        public static partial void Killed(ILogger logger, string sessionId, string name);
    }
}
