using Microsoft.Extensions.Logging;

namespace HalOSwarm.Agent.Runtimes.Codex;

internal sealed partial class CodexRuntime
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 4300, Level = LogLevel.Information, Message = "Codex thread {ThreadId} of project {Project} started in app-server pid {Pid}")]
        public static partial void Started(ILogger logger, string threadId, string project, int pid);

        [LoggerMessage(EventId = 4302, Level = LogLevel.Information, Message = "Following codex thread {ThreadId} again (app-server running: {Alive}) from byte {Cursor}")]
        public static partial void Attached(ILogger logger, string threadId, bool alive, long cursor);

        [LoggerMessage(EventId = 4303, Level = LogLevel.Information, Message = "Codex thread {ThreadId} resumed in a new app-server, pid {Pid}")]
        public static partial void Resumed(ILogger logger, string threadId, int pid);

        [LoggerMessage(EventId = 4304, Level = LogLevel.Information, Message = "Codex thread {ThreadId} of project {Project} adopted")]
        public static partial void Adopted(ILogger logger, string threadId, string project);

        [LoggerMessage(EventId = 4305, Level = LogLevel.Warning, Message = "Stopped codex app-server pid {Pid} in {Folder}: no session tracks it")]
        public static partial void Orphan(ILogger logger, int pid, string folder);
    }
}
