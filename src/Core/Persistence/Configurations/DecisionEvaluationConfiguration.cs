using Lotte.Core.Decisions;
using Lotte.Core.Experiments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lotte.Core.Persistence.Configurations;

internal sealed class DecisionEvaluationConfiguration : IEntityTypeConfiguration<DecisionEvaluation>
{
    public void Configure(EntityTypeBuilder<DecisionEvaluation> builder)
    {
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => new { e.ExperimentId, e.EvaluatedAt });

        // An experiment's looks newest first, carrying what the p-value chart plots: the page's thinned-out history
        // and the latest look are index-only scans, never reading the large JSON rows.
        builder.HasIndex(e => new { e.ExperimentId, e.Id })
            .IncludeProperties(e => new { e.EvaluatedAt, e.Decision, e.NaivePValue, e.PolicyPValue });
        builder.Property(e => e.PolicyKind).HasMaxLength(32);
        builder.Property(e => e.Decision).HasMaxLength(32);
        builder.Property(e => e.InputsJson).HasColumnType("jsonb");
        builder.Property(e => e.ResultJson).HasColumnType("jsonb");
        builder.HasOne<Experiment>().WithMany().HasForeignKey(e => e.ExperimentId).OnDelete(DeleteBehavior.Cascade);
    }
}
