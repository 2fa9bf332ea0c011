namespace HalOSwarm.Testing.Processes;

/// <summary>Finding and ending processes a test started indirectly (e.g. a server an agent spawned).</summary>
public static class ProcessTools
{
    /// <summary>
    /// SIGKILLs every process whose command line contains all of <paramref name="fragments"/> and waits up to
    /// <paramref name="wait"/> for them to be gone, so that none writes into a folder the caller deletes next.
    /// </summary>
    public static Task KillByCommandLineAsync(TimeSpan wait, params string[] fragments) =>
        KillAndWaitAsync(() => FindByCommandLine(fragments), wait);

    /// <summary>
    /// SIGKILLs every process started with the environment variable <paramref name="name"/> set to exactly
    /// <paramref name="value"/> (e.g. every program a test ran with its own HOME, whoever started it: a server, a
    /// status probe a killed agent left behind) and waits up to <paramref name="wait"/> for them to be gone.
    /// </summary>
    public static Task KillByEnvironmentAsync(string name, string value, TimeSpan wait)
    {
        var entry = name + "=" + value;
        return KillAndWaitAsync(() => FindWhere(dir => ReadOrEmpty(Path.Combine(dir, "environ")).Split('\0').Contains(entry)), wait);
    }

    /// <summary>The pids of every process (this one aside) whose command line contains all of <paramref name="fragments"/>.</summary>
    public static List<int> FindByCommandLine(params string[] fragments) =>
        FindWhere(dir => ReadOrEmpty(Path.Combine(dir, "cmdline")).Replace('\0', ' ') is { Length: > 0 } cmdline
            && fragments.All(f => cmdline.Contains(f, StringComparison.Ordinal)));

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

    private static async Task KillAndWaitAsync(Func<List<int>> find, TimeSpan wait)
    {
        var deadline = DateTime.UtcNow + wait;
        // Looked for again after each kill: a process started while the first ones died goes the same way.
        while (Kill(find()) > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
    }

    private static int Kill(List<int> pids)
    {
        var killed = 0;
        foreach (var pid in pids.Where(IsAlive))
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

    private static List<int> FindWhere(Func<string, bool> matches)
    {
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && pid != Environment.ProcessId && matches(dir))
            {
                found.Add(pid);
            }
        }
        return found;
    }

    private static string ReadOrEmpty(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }
}
