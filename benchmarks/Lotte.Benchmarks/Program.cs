using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Lotte.Benchmarks -- --filter '*' --job short
BenchmarkSwitcher.FromAssembly(typeof(Lotte.Benchmarks.ExperimentEvaluationBenchmarks).Assembly).Run(args);
