using Lotte.Core.Experiments;
using Lotte.Core.Ingestion;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lotte.Core.Persistence.Configurations;

internal sealed class RawEventConfiguration : IEntityTypeConfiguration<RawEvent>
{
    public void Configure(EntityTypeBuilder<RawEvent> builder)
    {
        builder.HasKey(e => e.Id);
        // The idempotency key: a re-sent event collides here and is counted once.
        builder.HasIndex(e => new { e.ExperimentId, e.EventId }).IsUnique();
        builder.HasIndex(e => new { e.ExperimentId, e.Type, e.OccurredAt });
        // Finds a unit's earlier conversions when its first exposure arrives late (re-attribution).
        builder.HasIndex(e => new { e.ExperimentId, e.UnitPseudonym });
        // The projector's reading order (decision 6).
        builder.HasIndex(e => new { e.TransactionId, e.Id });
        builder.Property(e => e.TransactionId).HasColumnType("xid8").HasDefaultValueSql("pg_current_xact_id()");
        builder.Property(e => e.EventId).HasMaxLength(128);
        builder.Property(e => e.UnitPseudonym).HasMaxLength(32);
        builder.Property(e => e.ErrorKind).HasMaxLength(100);
        builder.Property(e => e.Value).HasPrecision(18, 0);
        builder.HasOne<Experiment>().WithMany().HasForeignKey(e => e.ExperimentId).OnDelete(DeleteBehavior.Restrict);
    }
}
