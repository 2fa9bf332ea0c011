using Microsoft.Extensions.Logging;

namespace HalOSwarm.Agent.Runtimes.Tmux;

internal sealed partial class TmuxRuntime
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 410, EventName = "tmux.started", Level = LogLevel.Information, Message = "Started tmux session {name} for project {project}")]
        public static partial void Started(ILogger logger, string name, string project);

        [LoggerMessage(EventId = 411, EventName = "tmux.reattached", Level = LogLevel.Information, Message = "Following tmux session {session_id} ({name}) again from output offset {cursor}")]
        public static partial void Reattached(ILogger logger, string session_id, string name, long cursor);

        [LoggerMessage(EventId = 412, EventName = "tmux.no_state", Level = LogLevel.Warning, Message = "Tracked tmux session {session_id} has no state in {folder}; not followed")]
        public static partial void NoState(ILogger logger, string session_id, string folder);

        [LoggerMessage(EventId = 413, EventName = "tmux.adopted", Level = LogLevel.Information, Message = "Adopted tmux session {name} as {session_id}")]
        public static partial void Adopted(ILogger logger, string session_id, string name);

        [LoggerMessage(EventId = 414, EventName = "tmux.killed", Level = LogLevel.Information, Message = "Killed tmux session {name} ({session_id})")]
        public static partial void Killed(ILogger logger, string session_id, string name);
    }
}
