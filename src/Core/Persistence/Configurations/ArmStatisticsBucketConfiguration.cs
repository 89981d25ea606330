using Lotte.Core.Experiments;
using Lotte.Core.Ingestion;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lotte.Core.Persistence.Configurations;

internal sealed class ArmStatisticsBucketConfiguration : IEntityTypeConfiguration<ArmStatisticsBucket>
{
    public void Configure(EntityTypeBuilder<ArmStatisticsBucket> builder)
    {
        builder.ToTable("arm_statistics");
        builder.HasKey(b => new { b.ExperimentId, b.Arm, b.BucketStart });
        builder.Property(b => b.ValueSum).HasPrecision(24, 0);
        builder.HasOne<Experiment>().WithMany().HasForeignKey(b => b.ExperimentId).OnDelete(DeleteBehavior.Cascade);
    }
}
