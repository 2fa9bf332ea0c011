using HalOSwarm.Agent.Runtimes;
using HalOSwarm.Protocol;
using HalOSwarm.Protocol.Environments;

namespace HalOSwarm.Agent.Environments;

/// <summary>
/// Resolves a manifest path inside a project directory. A path must be relative, at most
/// <see cref="EnvLimits.MaxPathChars"/> characters, and stay inside the directory once resolved (no <c>..</c> way out, no
/// absolute path): anything else is refused with invalid_args, so a manifest can never read or write outside the project.
/// </summary>
internal static class ProjectPaths
{
    public static string Resolve(string projectDirectory, string relative)
    {
        if (string.IsNullOrWhiteSpace(relative) || relative.Length > EnvLimits.MaxPathChars || Path.IsPathRooted(relative)
            || relative.Any(char.IsControl))
        {
            throw new RuntimeCommandException(CommandErrorCodes.InvalidArgs,
                $"path '{Shown(relative)}' must be relative to the project directory, 1-{EnvLimits.MaxPathChars} printable characters");
        }
        var root = Path.GetFullPath(projectDirectory);
        var full = Path.GetFullPath(Path.Combine(root, relative));
        var inside = full.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        return inside
            ? full
            : throw new RuntimeCommandException(CommandErrorCodes.InvalidArgs, $"path '{Shown(relative)}' leads outside the project directory");
    }

    private static string Shown(string text) => text.Length > 80 ? text[..80] + "…" : text;
}
