using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Environments;

/// <summary>
/// The unknown-key check inside the <c>environments</c> maps (templates, projects and their tools, env, docs, git), which
/// the generic check cannot see into: a misspelt key is an error with its full name, not silently ignored.
/// </summary>
internal static class EnvManifestKeys
{
    private static readonly string[] s_manifest = ["inherit", "tools", "env", "variables", "agents_md", "context", "docs", "git"];

    public static void Check(IConfiguration configuration, List<string> errors)
    {
        var section = configuration.GetSection(EnvironmentsOptions.SectionName);
        foreach (var template in section.GetSection("templates").GetChildren())
        {
            Only(template, ["text", "file"], errors);
        }
        if (section.GetSection("default").Exists())
        {
            Manifest(section.GetSection("default"), errors);
        }
        foreach (var project in section.GetSection("projects").GetChildren())
        {
            Manifest(project, errors);
        }
    }

    private static void Manifest(IConfigurationSection manifest, List<string> errors)
    {
        Only(manifest, s_manifest, errors);
        foreach (var tool in manifest.GetSection("tools").GetChildren())
        {
            Only(tool, ["version", "version_command", "install", "required"], errors);
        }
        foreach (var variable in manifest.GetSection("env").GetChildren())
        {
            Only(variable, ["required"], errors);
        }
        foreach (var doc in manifest.GetSection("docs").GetChildren())
        {
            Only(doc, ["template", "required"], errors);
        }
        Only(manifest.GetSection("agents_md"), ["template", "path"], errors);
        Only(manifest.GetSection("git"), ["remote", "url", "branch", "hooks"], errors);
    }

    private static void Only(IConfigurationSection section, string[] known, List<string> errors)
    {
        foreach (var child in section.GetChildren())
        {
            if (!known.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add($"{child.Path.Replace(':', '.')}: unknown key (known: {string.Join(", ", known)})");
            }
        }
    }
}
