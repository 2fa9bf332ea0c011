using HalOSwarm.Bench;
using HalOSwarm.Bench.Cli;

// Ctrl+C stops the scenarios (and the supervisors they started) instead of killing the process.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
};
return await CommandLineShell.RunAsync(new BenchCommand(BenchApp.RunAsync), "hal-bench", args, Console.Out, Console.Error, cancellation.Token);
