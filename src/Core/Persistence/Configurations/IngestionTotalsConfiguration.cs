using Lotte.Core.Experiments;
using Lotte.Core.Ingestion;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lotte.Core.Persistence.Configurations;

internal sealed class IngestionTotalsConfiguration : IEntityTypeConfiguration<IngestionTotals>
{
    public void Configure(EntityTypeBuilder<IngestionTotals> builder)
    {
        builder.HasKey(t => t.ExperimentId);
        builder.HasOne<Experiment>().WithOne().HasForeignKey<IngestionTotals>(t => t.ExperimentId).OnDelete(DeleteBehavior.Cascade);
    }
}
