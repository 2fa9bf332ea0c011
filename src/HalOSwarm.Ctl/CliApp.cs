namespace HalOSwarm.Ctl;

/// <summary>Parses and runs one halctl command line in the shared shell; no arguments show the help.</summary>
internal static class CliApp
{
    public static Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken) =>
        CommandLineShell.RunAsync(new HalctlRootCommand(environment), "halctl", args.Length == 0 ? ["--help"] : args,
            environment.Out, environment.Error, cancellationToken);
}
