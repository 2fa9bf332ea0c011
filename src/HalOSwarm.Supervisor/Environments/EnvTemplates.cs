using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Environments;

/// <summary>
/// The templates files are written from: <c>environments.templates</c> plus the built-in ones (<see cref="BuiltIn"/>; a
/// configured template of the same name replaces it). <c>{{name}}</c> placeholders are replaced with the variables
/// (<c>project</c>, <c>node</c>, <c>directory</c>, <c>runtime</c> and the manifest's <c>variables</c>); an unknown
/// placeholder is left as it is. A template file is read when it is used, so editing it needs no restart.
/// </summary>
internal sealed partial class EnvTemplates(IOptions<EnvironmentsOptions> options)
{
    public const string AgentMd = "agent-md";
    public const string Progress = "progress";

    public static readonly IReadOnlyDictionary<string, string> BuiltIn = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [AgentMd] = """
            # {{project}}

            You are a coding agent working on **{{project}}** in `{{directory}}`, supervised by HAL-O-SWARM.

            - Read `.context/PROGRESS.md` first: it says what is done and what comes next. Keep it up to date as you work.
            - Record decisions and their reasons in `.context/DECISIONS.md`.
            - Keep changes small, tested and committed; say in the commit message what changed and why.
            - When the milestone is reached, write `Status: done` in `.context/PROGRESS.md`.
            """,
        [Progress] = """
            # Progress of {{project}}

            Status: in progress

            ## Next
            - [ ] 
            """,
    };

    /// <summary>Whether <paramref name="name"/> is configured or built in.</summary>
    public bool Exists(string name) => options.Value.Templates.ContainsKey(name) || BuiltIn.ContainsKey(name);

    /// <summary>The template rendered with the variables; throws <see cref="EnvTemplateException"/> when its file cannot be read.</summary>
    public string Render(string name, IReadOnlyDictionary<string, string> variables) =>
        Placeholder().Replace(Text(name), m => variables.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);

    /// <summary>The template's text as configured (or built in), before placeholders are replaced.</summary>
    public string Text(string name)
    {
        if (!options.Value.Templates.TryGetValue(name, out var template))
        {
            return BuiltIn.TryGetValue(name, out var builtIn) ? builtIn : throw new EnvTemplateException($"no template '{name}'");
        }
        if (template.Text is { } text)
        {
            return text;
        }
        try
        {
            return File.ReadAllText(template.File!);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new EnvTemplateException($"environments.templates.{name}.file: cannot be read ({ex.Message})");
        }
    }

    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_.-]{1,64})\s*\}\}")]
    private static partial Regex Placeholder();
}
