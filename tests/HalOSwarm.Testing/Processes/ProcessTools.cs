namespace HalOSwarm.Testing.Processes;

/// <summary>Finding and ending processes a test started indirectly (e.g. a server an agent spawned).</summary>
public static class ProcessTools
{
    /// <summary>SIGKILLs every process whose command line contains all of <paramref name="fragments"/>.</summary>
    public static int KillByCommandLine(params string[] fragments)
    {
        var killed = 0;
        foreach (var pid in FindByCommandLine(fragments))
        {
            try
            {
                System.Diagnostics.Process.GetProcessById(pid).Kill();
                killed++;
            }
            catch (ArgumentException)
            {
            }
            catch (InvalidOperationException)
            {
            }
        }
        return killed;
    }

    /// <summary>The pids of every process (this one aside) whose command line contains all of <paramref name="fragments"/>.</summary>
    public static List<int> FindByCommandLine(params string[] fragments)
    {
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }
            string cmdline;
            try
            {
                cmdline = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }
            if (cmdline.Length > 0 && fragments.All(f => cmdline.Contains(f, StringComparison.Ordinal)))
            {
                found.Add(pid);
            }
        }
        return found;
    }

    /// <summary>True while a process with this pid exists and has not ended (a zombie counts as ended).</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            return pid > 0 && !File.ReadAllText($"/proc/{pid}/stat").Split(')')[1].TrimStart().StartsWith('Z');
        }
        catch (IOException)
        {
            return false;
        }
    }
}
