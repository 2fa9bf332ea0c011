using HalOSwarm.Bench;
using HalOSwarm.Bench.Cli;

return await new BenchCommand(BenchApp.RunAsync).Parse(args).InvokeAsync();
