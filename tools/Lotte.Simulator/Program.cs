using System.Diagnostics;
using Lotte.Core.Decisions.Simulation;
using Lotte.Simulator;

// Usage:
//   dotnet run -c Release --project tools/Lotte.Simulator -- [--policy sequential|adr008] [--lift 0.2] [--staging-error 0.005] ...
//   dotnet run -c Release --project tools/Lotte.Simulator -- --suite acceptance [--policy ...]
// Every option is listed in SimulatorOptions; unspecified ones keep the simulator's and the policy's defaults.
try
{
    var options = SimulatorOptions.Parse(args);
    var policy = options.Policy();
    var scenarios = options.Suite switch
    {
        null => [("custom", options.Settings(policy))],
        "acceptance" => AcceptanceSuite.Scenarios(options.Settings(policy)),
        var other => throw new ArgumentException($"Unknown suite '{other}' (acceptance)."),
    };

    Console.WriteLine(ReportPrinter.Describe(policy));
    Console.WriteLine();
    Console.WriteLine(ReportPrinter.Header);
    foreach (var (name, settings) in scenarios)
    {
        var stopwatch = Stopwatch.StartNew();
        var report = PolicySimulator.Run(settings);
        Console.WriteLine(ReportPrinter.Row(name, report, stopwatch.Elapsed));
    }

    return 0;
}
catch (ArgumentException error)
{
    Console.Error.WriteLine(error.Message);
    return 2;
}
