namespace HalOSwarm.Bench.Target;

/// <summary>Finds the repository (the folder with HalOSwarm.slnx) and the built supervisor in it.</summary>
internal static class RepoLocator
{
    private static readonly string[] s_configurations = ["Release", "Debug"];

    public static string? FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "HalOSwarm.slnx")))
                {
                    return dir.FullName;
                }
            }
        }
        return null;
    }

    /// <summary>The built hal-supervisor.dll: Release when there is one (a stale one is reported by the caller), else Debug.</summary>
    public static string FindSupervisor()
    {
        var root = FindRoot() ?? throw new InvalidOperationException("HalOSwarm.slnx not found above the bench or the current directory; pass --supervisor-dll");
        var candidates = s_configurations
            .Select(configuration => Path.Combine(root, "src", "HalOSwarm.Supervisor", "bin", configuration, "net10.0", "hal-supervisor.dll"))
            .Where(File.Exists)
            .ToList();
        return candidates.Count > 0
            ? candidates[0]
            : throw new InvalidOperationException($"hal-supervisor.dll is not built under {root}/src/HalOSwarm.Supervisor/bin; run 'dotnet build -c Release src/HalOSwarm.Supervisor' first");
    }

    public static string GitCommit()
    {
        var root = FindRoot();
        if (root is null)
        {
            return "";
        }
        try
        {
            var head = File.ReadAllText(Path.Combine(root, ".git", "HEAD")).Trim();
            if (!head.StartsWith("ref: ", StringComparison.Ordinal))
            {
                return head;
            }
            var refPath = Path.Combine(root, ".git", head[5..]);
            return File.Exists(refPath) ? File.ReadAllText(refPath).Trim() : head[5..];
        }
        catch (IOException)
        {
            return "";
        }
    }
}
