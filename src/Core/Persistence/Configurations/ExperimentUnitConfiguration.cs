using Lotte.Core.Experiments;
using Lotte.Core.Ingestion;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lotte.Core.Persistence.Configurations;

internal sealed class ExperimentUnitConfiguration : IEntityTypeConfiguration<ExperimentUnit>
{
    public void Configure(EntityTypeBuilder<ExperimentUnit> builder)
    {
        builder.ToTable("units");
        // One row per unit and experiment: the key is the uniqueness rule.
        builder.HasKey(u => new { u.ExperimentId, u.UnitPseudonym });
        builder.Property(u => u.UnitPseudonym).HasMaxLength(32);
        builder.Property(u => u.ConversionValue).HasPrecision(18, 0);
        builder.HasOne<Experiment>().WithMany().HasForeignKey(u => u.ExperimentId).OnDelete(DeleteBehavior.Cascade);
    }
}
