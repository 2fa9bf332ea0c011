using System.CommandLine;

namespace HalOSwarm.Ctl;

/// <summary>Parses and runs one halctl command line; parse errors become one line and exit code 2.</summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken)
    {
        var root = new HalctlRootCommand(environment);
        var parseResult = root.Parse(args.Length == 0 ? ["--help"] : args);
        if (parseResult.Errors.Count > 0 && parseResult.Action is not { ClearsParseErrors: true })
        {
            var command = parseResult.CommandResult.Command;
            var path = command == root ? root.Name : $"{root.Name} {string.Join(' ', Ancestry(command))}";
            // "Unrecognized command" says more than the "required command" error that comes with it.
            var error = parseResult.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal))
                ?? parseResult.Errors[0];
            var message = string.Join(' ', error.Message.Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
            return Commands.ErrorOutput.Write(environment.Error, $"{message.TrimEnd('.')} (see '{path} --help')", ExitCodes.Usage);
        }

        var configuration = new InvocationConfiguration
        {
            Output = environment.Out,
            Error = environment.Error,
            // Program cancels the token on Ctrl+C; commands decide what that means (following ends quietly).
            ProcessTerminationTimeout = null,
        };
        return await parseResult.InvokeAsync(configuration, cancellationToken);
    }

    private static Stack<string> Ancestry(Command command)
    {
        var names = new Stack<string>();
        for (var symbol = command; symbol.Parents.FirstOrDefault() is Command parent; symbol = parent)
        {
            names.Push(symbol.Name);
        }
        return names;
    }
}
