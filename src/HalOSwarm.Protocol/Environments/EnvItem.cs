namespace HalOSwarm.Protocol.Environments;

/// <summary>
/// One thing a project's environment needs, as the supervisor compiled it from the manifest and sends it to the agent to
/// check (<see cref="CommandTypes.EnvCheck"/>) or apply (<see cref="CommandTypes.EnvApply"/>). <see cref="Id"/> is unique
/// in the manifest and stable across checks (<c>tool:git</c>, <c>env:API_KEY</c>, <c>file:AGENT.md</c>,
/// <c>dir:.context</c>, <c>hook:pre-commit</c>, <c>git:remote:origin</c>, <c>git:branch</c>). What the other fields mean
/// depends on <see cref="Kind"/> (<see cref="EnvItemKinds"/>).
/// </summary>
/// <param name="Name">tool: the program; env: the variable; file, dir: the path relative to the project directory; hook: the git hook; git_remote: the remote.</param>
/// <param name="Required">A required item that is absent makes the project <c>missing</c>; an optional one only <c>degraded</c>.</param>
/// <param name="Version">tool: the version constraint (<c>&gt;=20</c>, <c>^1.2</c>, <c>~1.2</c>, <c>1.x</c>, <c>=1.2.3</c>); null = any.</param>
/// <param name="VersionCommand">tool: the argv that prints its version; null = <c>[name, "--version"]</c>.</param>
/// <param name="Content">file, hook: the wanted content (templates already rendered); null = it only has to exist.</param>
/// <param name="Install">tool: the shell command that installs it, proposed to an operator and run only once approved.</param>
/// <param name="Expected">git_remote: the URL; git_branch: the branch name.</param>
public sealed record EnvItem(
    string Id,
    string Kind,
    string Name,
    bool Required = true,
    string? Version = null,
    IReadOnlyList<string>? VersionCommand = null,
    string? Content = null,
    string? Install = null,
    string? Expected = null);
