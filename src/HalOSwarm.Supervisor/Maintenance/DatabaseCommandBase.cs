using System.CommandLine;
using HalOSwarm.Supervisor.Configuration;

namespace HalOSwarm.Supervisor.Maintenance;

/// <summary>
/// A <c>hal-supervisor</c> subcommand that works on the database file the configuration names, without starting the
/// server: <c>--config</c> as for the server, the problems of a bad configuration listed as <c>--validate</c> does.
/// </summary>
internal abstract class DatabaseCommandBase : Command
{
    private readonly Option<string?> _config = SupervisorArguments.CreateConfigOption();

    protected DatabaseCommandBase(string name, string description)
        : base(name, description)
    {
        Options.Add(_config);
        SetAction(InvokeAsync);
    }

    protected abstract Task<int> RunAsync(ParseResult result, string databasePath, TextWriter output, TextWriter error, CancellationToken cancellationToken);

    private async Task<int> InvokeAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var output = result.InvocationConfiguration.Output;
        var error = result.InvocationConfiguration.Error;
        var configPath = result.GetValue(_config);
        var problems = new List<string>();
        var configuration = SupervisorConfiguration.Load(configPath, null, problems);
        if (problems.Count > 0)
        {
            await error.WriteLineAsync($"hal-supervisor {Name}: the configuration has {problems.Count} problem(s):");
            foreach (var problem in problems)
            {
                await error.WriteLineAsync("  " + problem);
            }
            return ExitCodes.Usage;
        }
        var database = SupervisorConfiguration.Bind<DatabaseOptions>(configuration, DatabaseOptions.SectionName);
        return await RunAsync(result, SupervisorConfiguration.ResolveDatabasePath(database.Path, configPath), output, error, cancellationToken);
    }
}
