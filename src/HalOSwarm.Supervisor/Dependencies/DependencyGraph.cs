namespace HalOSwarm.Supervisor.Dependencies;

/// <summary>Projects and what they depend on, with the checks <c>--validate</c> runs: names, self-dependencies, cycles.</summary>
internal sealed class DependencyGraph
{
    private readonly Dictionary<string, IReadOnlyList<string>> _dependsOn = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _dependents = new(StringComparer.Ordinal);

    public DependencyGraph(IReadOnlyDictionary<string, DependencyProjectOptions> options)
    {
        foreach (var (project, entry) in options)
        {
            var deps = entry.DependsOn.Where(d => !string.IsNullOrWhiteSpace(d)).Distinct(StringComparer.Ordinal).ToList();
            _dependsOn[project] = deps;
            foreach (var dependency in deps)
            {
                if (!_dependents.TryGetValue(dependency, out var list))
                {
                    _dependents[dependency] = list = [];
                }
                list.Add(project);
            }
        }
    }

    public IReadOnlyList<string> DependenciesOf(string project) => _dependsOn.TryGetValue(project, out var deps) ? deps : [];

    public IReadOnlyList<string> DependentsOf(string project) => _dependents.TryGetValue(project, out var list) ? list : [];

    /// <summary>Whether the project appears in the graph at all (as a dependent or as a dependency).</summary>
    public bool Contains(string project) => _dependsOn.ContainsKey(project) || _dependents.ContainsKey(project);

    /// <summary>Every problem, each with its key: <c>dependencies: cycle a → b → a</c>.</summary>
    public static List<string> Check(IReadOnlyDictionary<string, DependencyProjectOptions> options)
    {
        var errors = new List<string>();
        foreach (var (project, entry) in options)
        {
            if (string.IsNullOrWhiteSpace(project))
            {
                errors.Add("dependencies: a project name must not be empty");
            }
            for (var i = 0; i < entry.DependsOn.Count; i++)
            {
                var dependency = entry.DependsOn[i];
                if (string.IsNullOrWhiteSpace(dependency))
                {
                    errors.Add($"dependencies.{project}.depends_on[{i}]: must be a project name");
                }
                else if (dependency == project)
                {
                    errors.Add($"dependencies.{project}.depends_on: '{project}' depends on itself");
                }
            }
        }
        var graph = new DependencyGraph(options);
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var path = new List<string>();
        foreach (var project in options.Keys.Order(StringComparer.Ordinal))
        {
            Visit(graph, project, state, path, errors);
        }
        return errors;
    }

    // 0/absent: not seen, 1: on the current path, 2: done. A dependency on the current path closes a cycle.
    private static void Visit(DependencyGraph graph, string project, Dictionary<string, int> state, List<string> path, List<string> errors)
    {
        if (state.GetValueOrDefault(project) == 2)
        {
            return;
        }
        state[project] = 1;
        path.Add(project);
        foreach (var dependency in graph.DependenciesOf(project))
        {
            if (dependency == project)
            {
                continue;
            }
            if (state.GetValueOrDefault(dependency) == 1)
            {
                var cycle = path.Skip(path.IndexOf(dependency)).Append(dependency);
                errors.Add($"dependencies: cycle {string.Join(" → ", cycle)}");
            }
            else
            {
                Visit(graph, dependency, state, path, errors);
            }
        }
        path.RemoveAt(path.Count - 1);
        state[project] = 2;
    }
}
