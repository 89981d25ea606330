using Lotte.Core.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lotte.Core.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_log");
        builder.HasKey(a => a.Id);
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.ExperimentId, a.At });
        builder.Property(a => a.ActorName).HasMaxLength(200);
        builder.Property(a => a.ActorRole).HasMaxLength(50);
        builder.Property(a => a.Action).HasMaxLength(100);
        builder.Property(a => a.Subject).HasMaxLength(300);
        builder.Property(a => a.BeforeJson).HasColumnType("jsonb");
        builder.Property(a => a.AfterJson).HasColumnType("jsonb");
        builder.Property(a => a.Justification).HasMaxLength(4000);
        // No foreign key to experiments: the audit trail outlives whatever it describes.
    }
}
