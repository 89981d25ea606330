using Lotte.Core.Drift;
using Lotte.Core.Experiments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lotte.Core.Persistence.Configurations;

internal sealed class DriftLookConfiguration : IEntityTypeConfiguration<DriftLook>
{
    public void Configure(EntityTypeBuilder<DriftLook> builder)
    {
        builder.ToTable("drift_looks");
        builder.HasKey(e => e.Id);
        // An experiment's looks newest first, carrying what the history charts plot: the thinned-out history is an
        // index-only scan and never reads the JSON (a 90-day experiment has ~130,000 looks at one a minute).
        builder.HasIndex(e => new { e.ExperimentId, e.Id })
            .IncludeProperties(e => new { e.At, e.StagingPsi, e.ProductionPsi, e.StagingKsPValue, e.ProductionKsPValue });
        builder.Property(e => e.Level).HasMaxLength(32);
        builder.Property(e => e.StagingLevel).HasMaxLength(32);
        builder.Property(e => e.ReferenceKind).HasMaxLength(32);
        builder.Property(e => e.ComparisonsJson).HasColumnType("jsonb");
        builder.Property(e => e.HistogramsJson).HasColumnType("jsonb");
        builder.HasOne<Experiment>().WithMany().HasForeignKey(e => e.ExperimentId).OnDelete(DeleteBehavior.Cascade);
    }
}
