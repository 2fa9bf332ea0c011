using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(HalOSwarm.Bench.Micro.CodecBenchmarks).Assembly).Run(args);
