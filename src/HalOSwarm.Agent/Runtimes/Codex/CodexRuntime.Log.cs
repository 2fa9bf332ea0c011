using Microsoft.Extensions.Logging;

namespace HalOSwarm.Agent.Runtimes.Codex;

internal sealed partial class CodexRuntime
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 4300, Level = LogLevel.Information, Message = "Codex thread {thread_id} of project {project} started in app-server pid {pid}")]
        public static partial void Started(ILogger logger, string thread_id, string project, int pid);

        [LoggerMessage(EventId = 4302, Level = LogLevel.Information, Message = "Following codex thread {thread_id} again (app-server running: {alive}) from byte {cursor}")]
        public static partial void Attached(ILogger logger, string thread_id, bool alive, long cursor);

        [LoggerMessage(EventId = 4303, Level = LogLevel.Information, Message = "Codex thread {thread_id} resumed in a new app-server, pid {pid}")]
        public static partial void Resumed(ILogger logger, string thread_id, int pid);

        [LoggerMessage(EventId = 4304, Level = LogLevel.Information, Message = "Codex thread {thread_id} of project {project} adopted")]
        public static partial void Adopted(ILogger logger, string thread_id, string project);

        [LoggerMessage(EventId = 4305, Level = LogLevel.Warning, Message = "Stopped codex app-server pid {pid} in {folder}: no session tracks it")]
        public static partial void Orphan(ILogger logger, int pid, string folder);
    }
}
