using Lotte.Core.Analysis;
using Lotte.Core.ApiKeys;
using Lotte.Core.Assignment;
using Lotte.Core.Auditing;
using Lotte.Core.Decisions.Approvals;
using Lotte.Core.Decisions.Evaluation;
using Lotte.Core.Demo;
using Lotte.Core.Drift;
using Lotte.Core.Experiments;
using Lotte.Core.Ingestion;
using Lotte.Core.Ingestion.Projection;
using Lotte.Core.ModelRegistry;
using Lotte.Core.Notifications;
using Lotte.Core.Persistence;
using Lotte.Core.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Lotte.Core;

public static class DependencyInjection
{
    /// <summary>Registers the database, the domain services and their validated options.</summary>
    public static IHostApplicationBuilder AddLotteCore(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingletonTimeProvider();
        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.SectionName)
            .Configure<IConfiguration>((options, configuration) =>
                options.ConnectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName) ?? "")
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<DemoOptions>()
            .BindConfiguration(DemoOptions.SectionName);

        builder.Services.AddDbContextFactory<LotteDbContext>((services, options) =>
            options.UseLottePostgres(services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString));

        builder.AddPrivacy();
        builder.Services.AddSingleton<DatabaseMigrator>();
        builder.Services.AddSingleton<ExperimentChangeFeed>();
        builder.Services.AddHostedService<ExperimentChangeListener>();
        builder.Services.AddSingleton<ExperimentConfigCache>();
        builder.Services.AddSingleton<AssignmentService>();
        builder.Services.AddSingleton<EventIngestor>();
        builder.Services.AddSingleton<ProjectionSignal>();
        builder.Services.AddSingleton<EventProjector>();
        builder.Services.AddHostedService(services => services.GetRequiredService<EventProjector>());
        builder.Services.AddSingleton<IngestionMetrics>();
        builder.Services.AddSingleton<ApiKeyService>();
        builder.Services.AddSingleton<ExperimentStatisticsReader>();
        builder.Services.AddSingleton<ServingLatencyReader>();
        builder.Services.AddSingleton<EvaluationStore>();
        builder.Services.AddSingleton<DriftStore>();
        builder.Services.AddSingleton<LiveDecisions>();
        builder.Services.AddSingleton<ExperimentDetailLoader>();
        builder.Services.AddSingleton<ExperimentCommands>();
        builder.Services.AddSingleton<ExperimentDecisions>();
        builder.Services.AddOptions<DecisionEvaluatorOptions>().BindConfiguration(DecisionEvaluatorOptions.SectionName);
        builder.Services.AddSingleton<DecisionEvaluator>();
        builder.Services.AddHostedService(services => services.GetRequiredService<DecisionEvaluator>());
        builder.Services.AddSingleton<DemoSeeder>();
        builder.Services.AddSingleton<IExperimentCatalog, ExperimentCatalog>();
        builder.AddModelRegistry();
        builder.AddNotifications();
        builder.Services.AddSingleton<AuditTrail>();
        return builder;
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (services.All(d => d.ServiceType != typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
