namespace HalOSwarm.Supervisor.Configuration;

/// <summary>What loading the configuration accepted but found worth saying (<see cref="ConfigFileChecker"/>'s notes).</summary>
internal sealed record ConfigNotes(IReadOnlyList<string> Notes)
{
    public static IServiceCollection Register(IServiceCollection services, IReadOnlyList<string> notes)
    {
        services.AddSingleton(new ConfigNotes(notes));
        services.AddHostedService<ConfigNotesLogger>();
        return services;
    }
}
