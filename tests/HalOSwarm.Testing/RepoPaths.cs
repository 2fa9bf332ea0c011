using System.Reflection;

namespace HalOSwarm.Testing;

/// <summary>Where the repository and the built executables are, seen from a test assembly.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    /// <summary>The folder that holds HalOSwarm.slnx.</summary>
    public static string Root => s_root.Value;

    /// <summary>Debug or Release: the configuration the test assembly itself was built in.</summary>
    public static string Configuration =>
        Assembly.GetExecutingAssembly().GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>The built <c>NAME.dll</c> of a src project, e.g. <c>Executable("HalOSwarm.Supervisor", "hal-supervisor")</c>.</summary>
    public static string Executable(string project, string assemblyName)
    {
        var path = Path.Combine(Root, "src", project, "bin", Configuration, "net10.0", assemblyName + ".dll");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{assemblyName}.dll is not built at {path}; build the solution first", path);
    }

    public static string Supervisor => Executable("HalOSwarm.Supervisor", "hal-supervisor");
    public static string Agent => Executable("HalOSwarm.Agent", "hal-agent");
    public static string Ctl => Executable("HalOSwarm.Ctl", "halctl");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HalOSwarm.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("HalOSwarm.slnx not found above " + AppContext.BaseDirectory);
    }
}
