using System.CommandLine;
using HalOSwarm.Agent.Configuration;
using HalOSwarm.Agent.Runtimes;
using Microsoft.Extensions.DependencyInjection;

namespace HalOSwarm.Agent;

/// <summary>
/// The hal-agent command line, <c>hal-agent --config FILE [--validate]</c>: <c>--validate</c> checks and prints every
/// problem; otherwise the agent runs. <c>hal-agent stop-runtimes --config FILE</c> stops the programs the runtimes
/// left running (<see cref="RuntimeProgramStopper"/>). Exit codes follow <see cref="ExitCodes"/>.
/// </summary>
internal sealed class AgentCommand : RootCommand
{
    public const string Program = "hal-agent";

    private readonly Option<string> _config = new("--config", "-c")
    {
        Description = "The JSON config file (snake_case keys); HAL_AGENT_… environment variables win",
        HelpName = "FILE",
        Required = true,
    };

    private readonly Option<bool> _validate = new("--validate")
    {
        Description = "Check the configuration, print every problem with its key, start nothing",
    };

    private AgentCommand()
        : base("hal-agent — the worker of HAL-O-SWARM: dials the supervisor, runs and watches the local agent sessions, forwards their events durably.\n\n"
            + "Exit codes: 0 success; 1 the agent stopped on an error; 2 the command line or the configuration is wrong (every problem is listed with its key).")
    {
        Options.Add(_config);
        Options.Add(_validate);
        SetAction(RunAsync);
        Subcommands.Add(StopRuntimesCommand());
    }

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default) =>
        CommandLineShell.RunAsync(new AgentCommand(), Program, args, output, error, cancellationToken);

    private async Task<int> RunAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var configPath = result.GetRequiredValue(_config);
        var notes = new List<string>();
        var valid = await IsValidAsync(result, configPath, notes);
        if (result.GetValue(_validate))
        {
            foreach (var note in notes)
            {
                await result.InvocationConfiguration.Output.WriteLineAsync("note: " + note);
            }
        }
        if (!valid)
        {
            return ExitCodes.Usage;
        }
        if (result.GetValue(_validate))
        {
            await result.InvocationConfiguration.Output.WriteLineAsync($"{configPath}: configuration is valid");
            return ExitCodes.Success;
        }

        using var host = AgentHost.Build(configPath);
        await host.RunAsync(cancellationToken);
        return ExitCodes.Success;
    }

    private static Command StopRuntimesCommand()
    {
        var config = new Option<string>("--config", "-c")
        {
            Description = "The agent's JSON config file (its state_dir says what the runtimes left running)",
            HelpName = "FILE",
            Required = true,
        };
        var command = new Command("stop-runtimes",
            "Stop the programs the runtimes started and left running on purpose (the opencode server, claude and codex programs, "
            + "tmux sessions the agent started; adopted sessions are left alone). Run it with the agent stopped.")
        {
            config,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var configPath = result.GetRequiredValue(config);
            if (!await IsValidAsync(result, configPath, notes: null))
            {
                return ExitCodes.Usage;
            }
            using var host = AgentHost.Build(configPath);
            var stopped = await host.Services.GetRequiredService<RuntimeProgramStopper>().StopAllAsync(cancellationToken);
            var output = result.InvocationConfiguration.Output;
            foreach (var line in stopped)
            {
                await output.WriteLineAsync("stopped " + line);
            }
            await output.WriteLineAsync(stopped.Count == 0 ? "nothing was running" : $"{stopped.Count} program(s) stopped");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Checks the config file, prints every problem with its key; <paramref name="notes"/> collects what is worth knowing.</summary>
    private static async Task<bool> IsValidAsync(ParseResult result, string configPath, List<string>? notes)
    {
        var errors = AgentConfigLoader.Validate(configPath, notes);
        foreach (var error in errors)
        {
            await result.InvocationConfiguration.Error.WriteLineAsync("config error: " + error);
        }
        return errors.Count == 0;
    }
}
