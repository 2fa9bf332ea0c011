using System.Text.RegularExpressions;
using HalOSwarm.Protocol.Environments;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Environments;

/// <summary>Lists every problem of the <c>environments</c> section at once, each with its full key.</summary>
internal sealed partial class EnvironmentsOptionsValidator : IValidateOptions<EnvironmentsOptions>
{
    /// <summary>The client-side hooks git runs in a checkout.</summary>
    public static readonly IReadOnlySet<string> GitHooks = new HashSet<string>(StringComparer.Ordinal)
    {
        "applypatch-msg", "pre-applypatch", "post-applypatch", "pre-commit", "pre-merge-commit", "prepare-commit-msg",
        "commit-msg", "post-commit", "pre-rebase", "post-checkout", "post-merge", "pre-push", "post-rewrite", "pre-auto-gc",
    };

    public ValidateOptionsResult Validate(string? name, EnvironmentsOptions options)
    {
        const string s = EnvironmentsOptions.SectionName;
        var errors = new List<string>();
        if (options.CheckIntervalSec != 0 && options.CheckIntervalSec is < EnvironmentsOptions.MinIntervalSec or > 7 * 86400)
        {
            errors.Add($"{s}.check_interval_sec: must be 0 (only on connect and on demand) or {EnvironmentsOptions.MinIntervalSec}-{7 * 86400} seconds (was {options.CheckIntervalSec})");
        }
        foreach (var (key, template) in options.Templates)
        {
            var at = $"{s}.templates.{key}";
            if (!TemplateName().IsMatch(key))
            {
                errors.Add($"{at}: template names are 1-64 of a-z 0-9 . _ -");
            }
            if (template.Text is null == template.File is null)
            {
                errors.Add($"{at}: set exactly one of text or file");
            }
            else if (template.Text is { Length: > EnvLimits.MaxContentChars })
            {
                errors.Add($"{at}.text: at most {EnvLimits.MaxContentChars} characters");
            }
            else if (template.File is { } file && !File.Exists(file))
            {
                errors.Add($"{at}.file: '{file}' does not exist");
            }
        }
        bool Known(string template) => template.Length == 0 || options.Templates.ContainsKey(template) || EnvTemplates.BuiltIn.ContainsKey(template);
        if (options.Default is { } fleet)
        {
            CheckManifest($"{s}.default", fleet, Known, errors);
        }
        foreach (var (project, manifest) in options.Projects)
        {
            CheckManifest($"{s}.projects.{project}", manifest, Known, errors);
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckManifest(string at, EnvManifestOptions manifest, Func<string, bool> known, List<string> errors)
    {
        var count = manifest.Tools.Count + manifest.Env.Count + manifest.Context.Count + manifest.Docs.Count + (manifest.Git?.Hooks.Count ?? 0) + 4;
        if (count > EnvLimits.MaxItems)
        {
            errors.Add($"{at}: at most {EnvLimits.MaxItems} items in a manifest (has {count})");
        }
        foreach (var (tool, options) in manifest.Tools)
        {
            var key = $"{at}.tools.{tool}";
            Require(ToolName().IsMatch(tool), $"{key}: tool names are 1-64 of A-Z a-z 0-9 . _ + -", errors);
            Require(options.Version is null || VersionConstraint.TryParse(options.Version, out _),
                $"{key}.version: '{options.Version}' is not a constraint (>=20, >1.2, <3, =1.2.3, 1.x, ^1.2, ~1.2)", errors);
            Require(options.VersionCommand.Count <= 16 && options.VersionCommand.All(a => a.Length is > 0 and <= 256),
                $"{key}.version_command: 1-16 arguments of 1-256 characters", errors);
            Require(options.Install is null || options.Install.Length is > 0 and <= EnvLimits.MaxCommandChars && !options.Install.Any(c => char.IsControl(c) && c != '\t'),
                $"{key}.install: 1-{EnvLimits.MaxCommandChars} characters on one line", errors);
        }
        foreach (var variable in manifest.Env.Keys)
        {
            Require(VariableName().IsMatch(variable), $"{at}.env.{variable}: variable names are a letter or _ then letters, digits or _ (at most 128)", errors);
        }
        foreach (var (variable, value) in manifest.Variables)
        {
            Require(TemplateName().IsMatch(variable) && value.Length <= 1024, $"{at}.variables.{variable}: names are 1-64 of a-z 0-9 . _ -, values at most 1024 characters", errors);
        }
        if (manifest.AgentsMd is { } agentsMd)
        {
            Require(agentsMd.Template is null || known(agentsMd.Template), $"{at}.agents_md.template: no template '{agentsMd.Template}'", errors);
            Require(agentsMd.Path is null || SafePath(agentsMd.Path), $"{at}.agents_md.path: {PathRule}", errors);
        }
        foreach (var (file, template) in manifest.Context)
        {
            Require(SafePath(file), $"{at}.context.{file}: {PathRule}", errors);
            Require(known(template), $"{at}.context.{file}: no template '{template}'", errors);
        }
        foreach (var (path, doc) in manifest.Docs)
        {
            Require(SafePath(path), $"{at}.docs.{path}: {PathRule}", errors);
            Require(doc.Template is null || known(doc.Template), $"{at}.docs.{path}.template: no template '{doc.Template}'", errors);
        }
        if (manifest.Git is { } git)
        {
            Require(git.Remote is null || ToolName().IsMatch(git.Remote), $"{at}.git.remote: remote names are 1-64 of A-Z a-z 0-9 . _ + -", errors);
            Require(git.Url is null || git.Url.Length is > 0 and <= 512 && !git.Url.Any(char.IsWhiteSpace), $"{at}.git.url: 1-512 characters, no spaces", errors);
            Require(git.Branch is null || BranchName().IsMatch(git.Branch), $"{at}.git.branch: 1-128 of A-Z a-z 0-9 / . _ -", errors);
            foreach (var (hook, template) in git.Hooks)
            {
                Require(GitHooks.Contains(hook), $"{at}.git.hooks.{hook}: not a git hook ({string.Join(", ", GitHooks.Order(StringComparer.Ordinal))})", errors);
                Require(template.Length > 0 && known(template), $"{at}.git.hooks.{hook}: no template '{template}'", errors);
            }
        }
    }

    private const string PathRule = "a path relative to the project directory, without '..', 1-256 printable characters";

    /// <summary>Relative, inside the project, printable: what the agent will also insist on.</summary>
    public static bool SafePath(string path) =>
        path.Length is > 0 and <= EnvLimits.MaxPathChars && !Path.IsPathRooted(path) && !path.Any(char.IsControl)
        && !path.Replace('\\', '/').Split('/').Any(part => part is ".." or "");

    private static void Require(bool ok, string error, List<string> errors)
    {
        if (!ok)
        {
            errors.Add(error);
        }
    }

    [GeneratedRegex(@"^[a-z0-9._-]{1,64}$")]
    private static partial Regex TemplateName();

    [GeneratedRegex(@"^[A-Za-z0-9._+-]{1,64}$")]
    private static partial Regex ToolName();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]{0,127}$")]
    private static partial Regex VariableName();

    [GeneratedRegex(@"^[A-Za-z0-9/._-]{1,128}$")]
    private static partial Regex BranchName();
}
