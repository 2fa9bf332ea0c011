namespace HalOSwarm.Supervisor.Configuration;

/// <summary>
/// One config section a feature owns: its dotted name (<c>commands.deadlines</c>), the options type it binds to, and the
/// check <c>--validate</c> and start-up run on it. The section's keys are read from <see cref="OptionsType"/>.
/// </summary>
internal sealed record ConfigSection
{
    /// <summary>Dotted name, e.g. <c>server</c> or <c>security.audit</c>.</summary>
    public required string Name { get; init; }

    public required Type OptionsType { get; init; }

    /// <summary>Adds every problem of this section, each with its full key, to the list; runs once the values have the right types.</summary>
    public required Action<IConfiguration, List<string>> Check { get; init; }

    /// <summary>Adds what is accepted but worth saying (a key that holds a placeholder) to the notes; runs after <see cref="Check"/>.</summary>
    public Action<IConfiguration, List<string>>? Notes { get; init; }
}
