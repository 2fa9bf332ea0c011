using HalOSwarm.Supervisor.Configuration;

namespace HalOSwarm.Supervisor.Hosting;

/// <summary>The process entry: <c>--validate</c> checks and prints every problem; otherwise the server runs.</summary>
internal static class SupervisorCommand
{
    public const int Ok = 0;
    public const int InvalidConfiguration = 2;
    public const int UsageError = 64;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        if (!SupervisorArguments.TryParse(args, out var arguments, out var argumentError))
        {
            await error.WriteLineAsync($"hal-supervisor: {argumentError}{Environment.NewLine}{SupervisorArguments.Usage}");
            return UsageError;
        }
        if (arguments.Help)
        {
            await output.WriteLineAsync(SupervisorArguments.Usage);
            return Ok;
        }
        if (arguments.ValidateOnly)
        {
            var problems = new List<string>();
            SupervisorConfiguration.Load(arguments.ConfigPath, null, problems);
            if (problems.Count == 0)
            {
                await output.WriteLineAsync($"configuration {arguments.ConfigPath ?? "(environment only)"} is valid");
                return Ok;
            }
            await Report(error, problems);
            return InvalidConfiguration;
        }
        WebApplication app;
        try
        {
            app = SupervisorApp.Build(SupervisorApp.CreateBuilder(args));
        }
        catch (ConfigurationProblemsException ex)
        {
            await Report(error, ex.Problems);
            return InvalidConfiguration;
        }
        await using (app)
        {
            await app.RunAsync(cancellationToken);
        }
        return Ok;
    }

    private static async Task Report(TextWriter error, IReadOnlyList<string> problems)
    {
        await error.WriteLineAsync($"hal-supervisor: the configuration has {problems.Count} problem(s):");
        foreach (var problem in problems)
        {
            await error.WriteLineAsync("  " + problem);
        }
    }
}
