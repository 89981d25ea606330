using Lotte.Core.ApiKeys;
using Lotte.Core.Auditing;
using Lotte.Core.Decisions;
using Lotte.Core.Experiments;
using Lotte.Core.Ingestion;
using Lotte.Core.Ingestion.Projection;
using Lotte.Core.ModelRegistry;
using Lotte.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Lotte.Core.Persistence;

/// <summary>
/// The product's database. Services take <c>IDbContextFactory&lt;LotteDbContext&gt;</c> and use one
/// context per operation (a Blazor circuit never holds one).
/// Add a migration: <c>dotnet ef migrations add NAME --project src/Core --startup-project src/Core --output-dir Persistence/Migrations</c>.
/// </summary>
public sealed class LotteDbContext(DbContextOptions<LotteDbContext> options) : DbContext(options)
{
    public DbSet<Experiment> Experiments => Set<Experiment>();
    public DbSet<ExperimentUnit> Units => Set<ExperimentUnit>();
    public DbSet<RawEvent> RawEvents => Set<RawEvent>();
    public DbSet<ArmStatisticsBucket> ArmStatistics => Set<ArmStatisticsBucket>();
    public DbSet<IngestionTotals> IngestionTotals => Set<IngestionTotals>();
    public DbSet<ProjectionCheckpoint> ProjectionCheckpoints => Set<ProjectionCheckpoint>();
    public DbSet<DecisionEvaluation> DecisionEvaluations => Set<DecisionEvaluation>();
    public DbSet<Drift.DriftLook> DriftLooks => Set<Drift.DriftLook>();
    public DbSet<LeadAction> LeadActions => Set<LeadAction>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<RegisteredModel> RegisteredModels => Set<RegisteredModel>();
    public DbSet<ModelVersion> ModelVersions => Set<ModelVersion>();
    public DbSet<RegistryChange> RegistryOutbox => Set<RegistryChange>();
    public DbSet<Webhook> Webhooks => Set<Webhook>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<DataProtectionKeyRow> DataProtectionKeys => Set<DataProtectionKeyRow>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums read as words in SQL and survive reordering of the C# members.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(LotteDbContext).Assembly);
}
