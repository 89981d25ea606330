using Lotte.LoadTest;

// One run against one Release dashboard on loopback, sharing the machine with this load generator and PostgreSQL:
// assignment against a trivial endpoint, then ingestion through the API against COPY of the same rows.
var options = LoadTestOptions.Parse(args);
Console.WriteLine($"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
Console.WriteLine($"load average before: {File.ReadAllText("/proc/loadavg").Trim()}");
Console.WriteLine(options);

await using var environment = await LoadEnvironment.StartAsync([.. IngestionComparison.ExperimentKeys, AssignmentComparison.AssignKey]);
var meter = new CpuMeter(environment.Dashboard.ProcessId, environment.Database.ConnectionString);
// Assignment first, on the fresh database: after a million ingested rows PostgreSQL is busy for a while
// (checkpoints, autovacuum), and assignment needs no stored data.
var assignment = await new AssignmentComparison(environment, options, meter).RunAsync();
var ingestion = await new IngestionComparison(environment, options, meter).RunAsync();

Console.WriteLine();
Console.WriteLine(ResultsTable.Format([.. ingestion, assignment]));
Console.WriteLine($"load average after: {File.ReadAllText("/proc/loadavg").Trim()}");
return 0;
