namespace HalOSwarm.Agent.Environments;

/// <summary>
/// Finds a program the way a session's shell would: on the PATH of the environment the session gets, not the agent's
/// own (a process start resolves a bare name against the starting process's PATH, so a tool a project's env puts on
/// its PATH would otherwise not be found).
/// </summary>
internal static class SessionPath
{
    public static string Find(string program, IReadOnlyDictionary<string, string> environment)
    {
        if (program.Contains('/', StringComparison.Ordinal) || !environment.TryGetValue("PATH", out var path))
        {
            return program;
        }
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, program);
            if (File.Exists(candidate) && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(candidate) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0))
            {
                return candidate;
            }
        }
        return program;
    }
}
