using Lotte.Core.Decisions;
using Lotte.Core.Experiments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lotte.Core.Persistence.Configurations;

internal sealed class LeadActionConfiguration : IEntityTypeConfiguration<LeadAction>
{
    public void Configure(EntityTypeBuilder<LeadAction> builder)
    {
        builder.HasKey(a => a.Id);
        builder.HasIndex(a => new { a.ExperimentId, a.At });
        builder.Property(a => a.ActorName).HasMaxLength(200);
        builder.Property(a => a.ActorRole).HasMaxLength(50);
        builder.Property(a => a.Comment).HasMaxLength(4000);
        builder.HasOne<Experiment>().WithMany().HasForeignKey(a => a.ExperimentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<DecisionEvaluation>().WithMany().HasForeignKey(a => a.EvaluationId).OnDelete(DeleteBehavior.SetNull);
    }
}
