using Lotte.Core.Experiments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lotte.Core.Persistence.Configurations;

internal sealed class ExperimentConfiguration : IEntityTypeConfiguration<Experiment>
{
    public void Configure(EntityTypeBuilder<Experiment> builder)
    {
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => e.Key).IsUnique();
        builder.HasIndex(e => new { e.ModelName, e.Status });
        builder.Property(e => e.Key).HasMaxLength(100);
        builder.Property(e => e.Name).HasMaxLength(200);
        builder.Property(e => e.Description).HasMaxLength(2000);
        builder.Property(e => e.ModelName).HasMaxLength(200);
        builder.Property(e => e.ProductionVersion).HasMaxLength(50);
        builder.Property(e => e.StagingVersion).HasMaxLength(50);
        builder.Property(e => e.HashSeed).HasMaxLength(100);
        builder.Property(e => e.CreatedBy).HasMaxLength(200);
        builder.Property(e => e.RowVersion).IsRowVersion();
        builder.ToTable(t => t.HasCheckConstraint("ck_experiments_staging_share", "staging_share >= 0 AND staging_share <= 1"));
        builder.Property(e => e.Policy).HasColumnType("jsonb")
            .HasConversion(PolicyJson.Converter, PolicyJson.Comparer);
    }
}
