using System.Globalization;

namespace Lotte.LoadTest;

/// <summary>What to run, from <c>--name value</c> arguments; the defaults are the documented run.</summary>
public sealed record LoadTestOptions(
    int Batches,
    int BatchSize,
    int IngestClients,
    int IngestRounds,
    int WarmupBatches,
    TimeSpan RoundDuration,
    int RequestRounds,
    TimeSpan RequestWarmup,
    int RequestConcurrency)
{
    public static LoadTestOptions Default { get; } = new(
        Batches: 50, BatchSize: 10_000, IngestClients: 4, IngestRounds: 5, WarmupBatches: 4,
        RoundDuration: TimeSpan.FromSeconds(10), RequestRounds: 4, RequestWarmup: TimeSpan.FromSeconds(3), RequestConcurrency: 16);

    public static LoadTestOptions Parse(string[] args)
    {
        if (args.Length % 2 != 0)
        {
            throw new ArgumentException($"Option {args[^1]} has no value.");
        }

        var options = Default;
        for (var i = 0; i < args.Length; i += 2)
        {
            var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--batches" => options with { Batches = value },
                "--batch-size" => options with { BatchSize = value },
                "--ingest-clients" => options with { IngestClients = value },
                "--ingest-rounds" => options with { IngestRounds = value },
                "--warmup-batches" => options with { WarmupBatches = value },
                "--seconds" => options with { RoundDuration = TimeSpan.FromSeconds(value) },
                "--request-rounds" => options with { RequestRounds = value },
                "--warmup-seconds" => options with { RequestWarmup = TimeSpan.FromSeconds(value) },
                "--concurrency" => options with { RequestConcurrency = value },
                _ => throw new ArgumentException($"Unknown option {args[i]}. Options (each with a whole number): --batches --batch-size " +
                    "--ingest-clients --ingest-rounds --warmup-batches --seconds --request-rounds --warmup-seconds --concurrency."),
            };
        }

        return options;
    }
}
