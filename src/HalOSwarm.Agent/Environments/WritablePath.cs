using HalOSwarm.Agent.Runtimes;
using HalOSwarm.Protocol;

namespace HalOSwarm.Agent.Environments;

/// <summary>
/// A path <see cref="ProjectPaths"/> resolved inside the project, checked once more before writing: no directory on the
/// way to it may be a symbolic link that leads outside the project (a write would follow it).
/// </summary>
internal static class WritablePath
{
    public static string Resolve(string projectDirectory, string relative)
    {
        var full = ProjectPaths.Resolve(projectDirectory, relative);
        var root = Path.GetFullPath(projectDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var realRoot = Real(root);
        var current = root;
        foreach (var part in Path.GetRelativePath(root, Path.GetDirectoryName(full)!).Split(Path.DirectorySeparatorChar).Where(p => p is not ("" or ".")))
        {
            current = Path.Combine(current, part);
            if (!Directory.Exists(current))
            {
                break;
            }
            var real = Real(current);
            if (!Within(real, root) && !Within(real, realRoot))
            {
                throw new RuntimeCommandException(CommandErrorCodes.InvalidArgs, $"path '{relative}' leads outside the project directory through a link");
            }
        }
        return full;
    }

    private static bool Within(string path, string root) =>
        path == root || path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string Real(string directory)
    {
        var info = new DirectoryInfo(directory);
        return (info.LinkTarget is null ? info.FullName : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? info.FullName)
            .TrimEnd(Path.DirectorySeparatorChar);
    }
}
