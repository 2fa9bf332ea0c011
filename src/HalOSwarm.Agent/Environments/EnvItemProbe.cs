using HalOSwarm.Agent.Runtimes;
using HalOSwarm.Protocol.Environments;

namespace HalOSwarm.Agent.Environments;

/// <summary>
/// Checks one manifest item in a project directory, with the environment the project's sessions get: tools by running
/// their version command, variables by whether they are set (never their values), files, directories and hooks by
/// their presence and content, git remotes and the branch through git itself.
/// </summary>
internal static class EnvItemProbe
{
    public static async Task<EnvItemResult> CheckAsync(EnvItem item, string directory, IReadOnlyDictionary<string, string> environment,
        CancellationToken cancellationToken) => item.Kind switch
        {
            EnvItemKinds.Tool => await ToolAsync(item, environment, cancellationToken),
            EnvItemKinds.Env => Variable(item, environment),
            EnvItemKinds.File => File(item, ProjectPaths.Resolve(directory, item.Name)),
            EnvItemKinds.Dir => Dir(item, ProjectPaths.Resolve(directory, item.Name)),
            EnvItemKinds.Hook => File(item, await GitRepository.HookPathAsync(directory, item.Name, cancellationToken)),
            EnvItemKinds.GitRemote => await RemoteAsync(item, directory, cancellationToken),
            EnvItemKinds.GitBranch => await BranchAsync(item, directory, cancellationToken),
            _ => new EnvItemResult(item.Id, item.Kind, EnvVerdicts.Missing, null, null, $"unknown item kind '{item.Kind}'"),
        };

    private static async Task<EnvItemResult> ToolAsync(EnvItem item, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var argv = item.VersionCommand is { Count: > 0 } command ? command : [item.Name, "--version"];
        var expected = item.Version ?? "installed";
        var fix = item.Install is null ? null : EnvFixes.Approval;
        var run = await RuntimeProbe.RunAsync(SessionPath.Find(argv[0], environment), [.. argv.Skip(1)], environment, EnvLimits.VersionCommandTimeout, cancellationToken);
        if (run.Error is not null || run.ExitCode != 0)
        {
            var why = run.Error ?? $"'{string.Join(' ', argv)}' exited with code {run.ExitCode}";
            return new EnvItemResult(item.Id, item.Kind, Absent(item), expected, "not installed", why, fix);
        }
        var version = VersionConstraint.Find(run.Output);
        if (item.Version is null)
        {
            return new EnvItemResult(item.Id, item.Kind, EnvVerdicts.Ready, expected, version ?? "installed");
        }
        if (!VersionConstraint.TryParse(item.Version, out var constraint))
        {
            return new EnvItemResult(item.Id, item.Kind, EnvVerdicts.Degraded, expected, version, $"version constraint '{item.Version}' does not parse");
        }
        if (version is null)
        {
            return new EnvItemResult(item.Id, item.Kind, EnvVerdicts.Degraded, expected, "unknown version",
                $"'{string.Join(' ', argv)}' printed no version number", fix);
        }
        return constraint.IsSatisfiedBy(version)
            ? new EnvItemResult(item.Id, item.Kind, EnvVerdicts.Ready, expected, version)
            : new EnvItemResult(item.Id, item.Kind, EnvVerdicts.Degraded, expected, version, $"version {version} does not satisfy {item.Version}", fix);
    }

    private static EnvItemResult Variable(EnvItem item, IReadOnlyDictionary<string, string> environment)
    {
        var set = environment.TryGetValue(item.Name, out var value) && !string.IsNullOrEmpty(value);
        return set
            ? new EnvItemResult(item.Id, item.Kind, EnvVerdicts.Ready, "set", "set")
            : new EnvItemResult(item.Id, item.Kind, Absent(item), "set", "unset", "not set for the project's sessions (agent, runtime or project env)");
    }

    private static EnvItemResult File(EnvItem item, string path)
    {
        var fix = item.Content is null ? null : EnvFixes.Safe;
        if (!System.IO.File.Exists(path))
        {
            return new EnvItemResult(item.Id, item.Kind, Absent(item), "present", "absent", null, fix);
        }
        if (item.Content is null)
        {
            return new EnvItemResult(item.Id, item.Kind, EnvVerdicts.Ready, "present", "present");
        }
        var actual = System.IO.File.ReadAllText(path);
        if (Normalize(actual) == Normalize(item.Content))
        {
            return new EnvItemResult(item.Id, item.Kind, EnvVerdicts.Ready, "as the template", "as the template");
        }
        var shown = actual.Length > EnvLimits.MaxContentChars ? actual[..EnvLimits.MaxContentChars] : actual;
        return new EnvItemResult(item.Id, item.Kind, EnvVerdicts.Degraded, "as the template", "changed",
            "the file differs from its template", fix, shown);
    }

    private static EnvItemResult Dir(EnvItem item, string path) => Directory.Exists(path)
        ? new EnvItemResult(item.Id, item.Kind, EnvVerdicts.Ready, "present", "present")
        : new EnvItemResult(item.Id, item.Kind, Absent(item), "present", "absent", null, EnvFixes.Safe);

    private static async Task<EnvItemResult> RemoteAsync(EnvItem item, string directory, CancellationToken cancellationToken)
    {
        var url = await GitRepository.RemoteUrlAsync(directory, item.Name, cancellationToken);
        var expected = item.Expected ?? "present";
        if (url is null)
        {
            return new EnvItemResult(item.Id, item.Kind, Absent(item), expected, "absent", $"no git remote '{item.Name}'");
        }
        return item.Expected is null || url == item.Expected
            ? new EnvItemResult(item.Id, item.Kind, EnvVerdicts.Ready, expected, url)
            : new EnvItemResult(item.Id, item.Kind, EnvVerdicts.Degraded, expected, url, $"remote '{item.Name}' points elsewhere");
    }

    private static async Task<EnvItemResult> BranchAsync(EnvItem item, string directory, CancellationToken cancellationToken)
    {
        var branch = await GitRepository.BranchAsync(directory, cancellationToken);
        if (branch is null)
        {
            return new EnvItemResult(item.Id, item.Kind, Absent(item), item.Expected, "no git repository");
        }
        return branch == item.Expected
            ? new EnvItemResult(item.Id, item.Kind, EnvVerdicts.Ready, item.Expected, branch)
            : new EnvItemResult(item.Id, item.Kind, EnvVerdicts.Degraded, item.Expected, branch, $"the checkout is on '{branch}'");
    }

    private static string Absent(EnvItem item) => item.Required ? EnvVerdicts.Missing : EnvVerdicts.Degraded;

    private static string Normalize(string text) => text.ReplaceLineEndings("\n").TrimEnd('\n');
}
