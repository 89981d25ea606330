using BenchmarkDotNet.Attributes;
using Lotte.Core.Analysis;
using Lotte.Core.Decisions.Evaluation;
using Lotte.Core.Experiments;
using Lotte.Core.Persistence;
using Lotte.Dashboard.Localization;
using Lotte.Dashboard.ViewModels;
using Lotte.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace Lotte.Benchmarks;

/// <summary>
/// The experiment page's data for a 90-day run with 1 000 000 exposed units (one statistics bucket per minute and
/// arm, one persisted look per minute), against PostgreSQL running the page's aggregate SQL alone: the
/// <c>date_bin</c> downsampling and the totals sum, read over Npgsql. The ratio is what the loader (and then the
/// view models) cost on top of the database's unavoidable work.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class DetailViewBenchmarks
{
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;
    private NpgsqlDataSource _dataSource = null!;
    private ExperimentDetailLoader _loader = null!;
    private IStringLocalizer<SharedResource> _localizer = null!;
    private Experiment _experiment = null!;
    private TimeSpan _binWidth;
    private DateTimeOffset _binOrigin;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _experiment = await LargeExperimentSeeder.SeedAsync(_database);

        // Wired as the dashboard wires them: one context factory, singletons over it.
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.AddDbContextFactory<LotteDbContext>(options => options.UseLottePostgres(_database.ConnectionString));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ExperimentStatisticsReader>();
        services.AddSingleton<EvaluationStore>();
        services.AddSingleton<LiveDecisions>();
        services.AddSingleton<ExperimentDetailLoader>();
        _services = services.BuildServiceProvider();
        _loader = _services.GetRequiredService<ExperimentDetailLoader>();
        _localizer = _services.GetRequiredService<IStringLocalizer<SharedResource>>();
        _dataSource = NpgsqlDataSource.Create(_database.ConnectionString);

        // The bins the reader picks for this run, computed once: the baseline times the aggregation only.
        var series = await _services.GetRequiredService<ExperimentStatisticsReader>().SeriesAsync(_experiment.Id, ExperimentDetailLoader.MaxChartPoints);
        _binWidth = ExperimentStatisticsReader.BinWidth(series[^1].At - series[0].At, series.Count);
        _binOrigin = series[0].At - _binWidth;
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _dataSource.DisposeAsync();
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "PostgreSQL: series date_bin + totals SQL alone")]
    public async Task<int> AggregateQueryAlone()
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        var rows = await ReadAllAsync(connection, ExperimentStatisticsReader.SeriesSql, _experiment.Id, _binWidth, _binOrigin);
        return rows + await ReadAllAsync(connection, ExperimentStatisticsReader.TotalsSql, _experiment.Id);
    }

    [Benchmark(Description = "ExperimentDetailLoader.LoadAsync")]
    public async Task<ExperimentDetail?> LoadDetail() => await _loader.LoadAsync(LargeExperimentSeeder.Key);

    [Benchmark(Description = "LoadAsync + charts + decision card")]
    public async Task<ExperimentCharts> BuildView()
    {
        var detail = await _loader.LoadAsync(LargeExperimentSeeder.Key) ?? throw new InvalidOperationException("The seeded experiment is missing.");
        _ = DecisionCardModel.From(detail.Experiment, detail.Decision, detail.Totals, detail.FirstDataAt, detail.LoadedAt);
        return ExperimentChartsBuilder.Build(detail, ChartLabels.From(_localizer));
    }

    /// <summary>Runs one of the reader's statements ({0}, {1}… bound as $1, $2…) and reads every column of every row.</summary>
    private static async Task<int> ReadAllAsync(NpgsqlConnection connection, string sql, params object[] values)
    {
        await using var command = new NpgsqlCommand(string.Format(System.Globalization.CultureInfo.InvariantCulture, sql,
            values.Select((_, i) => (object)$"${i + 1}").ToArray()), connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        var fields = new object[reader.FieldCount];
        while (await reader.ReadAsync())
        {
            reader.GetValues(fields);
            rows++;
        }

        return rows;
    }
}
