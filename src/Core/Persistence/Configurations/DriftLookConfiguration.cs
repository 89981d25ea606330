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
        // An experiment's looks newest first: the latest look and the thinned-out history.
        builder.HasIndex(e => new { e.ExperimentId, e.Id });
        builder.Property(e => e.Level).HasMaxLength(32);
        builder.Property(e => e.StagingLevel).HasMaxLength(32);
        builder.Property(e => e.ReferenceKind).HasMaxLength(32);
        builder.Property(e => e.ComparisonsJson).HasColumnType("jsonb");
        builder.Property(e => e.HistogramsJson).HasColumnType("jsonb");
        builder.HasOne<Experiment>().WithMany().HasForeignKey(e => e.ExperimentId).OnDelete(DeleteBehavior.Cascade);
    }
}
