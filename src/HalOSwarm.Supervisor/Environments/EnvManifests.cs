using HalOSwarm.Protocol;
using HalOSwarm.Protocol.Environments;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Environments;

/// <summary>
/// Compiles <c>environments</c> into the items an agent checks: the project's manifest over the fleet default (a map
/// entry replaces the default's of the same key, a field replaces the default's when set; <c>inherit: false</c> starts
/// from nothing), in a fixed order: tools, variables, AGENT.md, the <c>.context/</c> scaffold, docs, git remote,
/// branch, hooks.
/// </summary>
internal sealed class EnvManifests(IOptions<EnvironmentsOptions> options, EnvTemplates templates) : IEnvManifests
{
    public const string ContextDirectory = ".context";

    public bool Covers(string project) => options.Value.Default is not null || options.Value.Projects.ContainsKey(project);

    public EnvManifest Compile(string nodeId, ProjectInfo project)
    {
        var merged = Merge(options.Value.Default, options.Value.Projects.GetValueOrDefault(project.Name));
        var variables = new Dictionary<string, string>(merged.Variables, StringComparer.Ordinal)
        {
            ["project"] = project.Name,
            ["node"] = nodeId,
            ["directory"] = project.Directory,
            ["runtime"] = project.Runtime ?? "",
        };
        string Render(string template) => template.Length == 0 ? "" : templates.Render(template, variables);

        var items = new List<EnvItem>();
        foreach (var (name, tool) in merged.Tools.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            items.Add(new EnvItem("tool:" + name, EnvItemKinds.Tool, name, tool.Required, tool.Version,
                tool.VersionCommand.Count > 0 ? tool.VersionCommand : null, Install: tool.Install));
        }
        foreach (var (name, variable) in merged.Env.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            items.Add(new EnvItem("env:" + name, EnvItemKinds.Env, name, variable.Required));
        }
        if (merged.AgentsMd is { } agentsMd)
        {
            var path = agentsMd.Path ?? "AGENT.md";
            items.Add(new EnvItem("file:" + path, EnvItemKinds.File, path, Content: Render(agentsMd.Template ?? EnvTemplates.AgentMd)));
        }
        if (merged.Context.Count > 0)
        {
            items.Add(new EnvItem("dir:" + ContextDirectory, EnvItemKinds.Dir, ContextDirectory));
            foreach (var (file, template) in merged.Context.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                var path = $"{ContextDirectory}/{file}";
                items.Add(new EnvItem("file:" + path, EnvItemKinds.File, path, Content: Render(template)));
            }
        }
        foreach (var (path, doc) in merged.Docs.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            items.Add(new EnvItem("file:" + path, EnvItemKinds.File, path, doc.Required, Content: doc.Template is { } t ? Render(t) : null));
        }
        if (merged.Git is { } git)
        {
            if (git.Url is not null || git.Remote is not null)
            {
                var remote = git.Remote ?? "origin";
                items.Add(new EnvItem("git:remote:" + remote, EnvItemKinds.GitRemote, remote, Expected: git.Url));
            }
            if (git.Branch is { } branch)
            {
                items.Add(new EnvItem("git:branch", EnvItemKinds.GitBranch, "HEAD", Expected: branch));
            }
            foreach (var (hook, template) in git.Hooks.OrderBy(h => h.Key, StringComparer.Ordinal))
            {
                items.Add(new EnvItem("hook:" + hook, EnvItemKinds.Hook, hook, Content: Render(template)));
            }
        }
        return new EnvManifest(project.Name, nodeId, items);
    }

    /// <summary>The project's manifest over the default (either may be null).</summary>
    public static EnvManifestOptions Merge(EnvManifestOptions? fleet, EnvManifestOptions? own)
    {
        var start = own?.Inherit == false || fleet is null ? new EnvManifestOptions() : fleet;
        if (own is null)
        {
            return start;
        }
        return new EnvManifestOptions
        {
            Tools = Over(start.Tools, own.Tools),
            Env = Over(start.Env, own.Env),
            Variables = Over(start.Variables, own.Variables),
            AgentsMd = own.AgentsMd is null ? start.AgentsMd : new EnvAgentsMdOptions
            {
                Template = own.AgentsMd.Template ?? start.AgentsMd?.Template,
                Path = own.AgentsMd.Path ?? start.AgentsMd?.Path,
            },
            Context = Over(start.Context, own.Context),
            Docs = Over(start.Docs, own.Docs),
            Git = own.Git is null ? start.Git : new EnvGitOptions
            {
                Remote = own.Git.Remote ?? start.Git?.Remote,
                Url = own.Git.Url ?? start.Git?.Url,
                Branch = own.Git.Branch ?? start.Git?.Branch,
                Hooks = Over(start.Git?.Hooks ?? [], own.Git.Hooks),
            },
        };
    }

    private static Dictionary<string, T> Over<T>(Dictionary<string, T> under, Dictionary<string, T> over)
    {
        var merged = new Dictionary<string, T>(under, StringComparer.Ordinal);
        foreach (var (key, value) in over)
        {
            merged[key] = value;
        }
        return merged;
    }
}
