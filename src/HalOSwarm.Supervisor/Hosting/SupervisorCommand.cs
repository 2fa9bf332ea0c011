using System.CommandLine;
using HalOSwarm.Supervisor.Configuration;
using HalOSwarm.Supervisor.Maintenance;
using HalOSwarm.Supervisor.Storage.Sqlite;

namespace HalOSwarm.Supervisor.Hosting;

/// <summary>
/// The hal-supervisor command line: <c>--validate</c> checks and prints every problem; otherwise the server runs.
/// Exit codes follow <see cref="ExitCodes"/>: 2 for a command line or configuration that is wrong, 1 for a crash.
/// </summary>
internal sealed class SupervisorCommand : RootCommand
{
    public const string Program = "hal-supervisor";

    private readonly Option<string?> _config = SupervisorArguments.CreateConfigOption();
    private readonly Option<bool> _validate = SupervisorArguments.CreateValidateOption();

    private SupervisorCommand(string[] args)
        : base("hal-supervisor — the control plane of HAL-O-SWARM: agents connect on server.port, people and halctl use the HTTP API on server.http_port.\n\n"
            + "Exit codes: 0 success; 1 the server stopped on an error; 2 the command line or the configuration is wrong (every problem is listed with its key); "
            + "3 the database failed its integrity check (docs/OPERATIONS.md says how to recover).")
    {
        Options.Add(_config);
        Options.Add(_validate);
        Subcommands.Add(new BackupCommand());
        Subcommands.Add(new RestoreCommand());
        SetAction((result, cancellationToken) => RunAsync(args, result, cancellationToken));
    }

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default) =>
        CommandLineShell.RunAsync(new SupervisorCommand(args), Program, args, output, error, cancellationToken);

    private async Task<int> RunAsync(string[] args, ParseResult result, CancellationToken cancellationToken)
    {
        var output = result.InvocationConfiguration.Output;
        var error = result.InvocationConfiguration.Error;
        var configPath = result.GetValue(_config);
        if (result.GetValue(_validate))
        {
            var problems = new List<string>();
            var notes = new List<string>();
            SupervisorConfiguration.Load(configPath, null, problems, notes);
            foreach (var note in notes)
            {
                await output.WriteLineAsync("note: " + note);
            }
            if (problems.Count == 0)
            {
                await output.WriteLineAsync($"configuration {configPath ?? "(environment only)"} is valid");
                return ExitCodes.Success;
            }
            await Report(error, problems);
            return ExitCodes.Usage;
        }
        WebApplication app;
        try
        {
            app = SupervisorApp.Build(SupervisorApp.CreateBuilder(args));
        }
        catch (ConfigurationProblemsException ex)
        {
            await Report(error, ex.Problems);
            return ExitCodes.Usage;
        }
        await using (app)
        {
            try
            {
                await app.RunAsync(cancellationToken);
            }
            catch (DatabaseDamagedException ex)
            {
                await error.WriteLineAsync($"{Program}: {ex.Message}");
                return ExitCodes.DatabaseDamaged;
            }
        }
        return ExitCodes.Success;
    }

    private static async Task Report(TextWriter error, IReadOnlyList<string> problems)
    {
        await error.WriteLineAsync($"{Program}: the configuration has {problems.Count} problem(s):");
        foreach (var problem in problems)
        {
            await error.WriteLineAsync("  " + problem);
        }
    }
}
