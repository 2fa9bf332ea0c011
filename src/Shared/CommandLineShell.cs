using System.CommandLine;

namespace HalOSwarm.Shell;

/// <summary>
/// The System.CommandLine shell the programs share (compiled into each from src/Shared): a parse error is one line
/// on stderr, <c>PROGRAM: error: MESSAGE (see 'PROGRAM … --help')</c>, and <see cref="ExitCodes.Usage"/>; otherwise
/// the command's action runs. Signals stay with the program (a host's lifetime, halctl's Ctrl+C handler).
/// </summary>
internal static class CommandLineShell
{
    public static async Task<int> RunAsync(RootCommand root, string program, IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0 && parseResult.Action is not { ClearsParseErrors: true })
        {
            var command = parseResult.CommandResult.Command;
            var path = command == root ? program : $"{program} {string.Join(' ', Ancestry(command))}";
            // "Unrecognized command" says more than the "required command" error that comes with it.
            var first = parseResult.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal))
                ?? parseResult.Errors[0];
            var message = string.Join(' ', first.Message.Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
            await error.WriteLineAsync($"{program}: error: {message.TrimEnd('.')} (see '{path} --help')");
            await error.FlushAsync(cancellationToken);
            return ExitCodes.Usage;
        }

        var configuration = new InvocationConfiguration
        {
            Output = output,
            Error = error,
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
