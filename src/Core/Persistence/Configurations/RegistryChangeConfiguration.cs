using Lotte.Core.Experiments;
using Lotte.Core.ModelRegistry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lotte.Core.Persistence.Configurations;

internal sealed class RegistryChangeConfiguration : IEntityTypeConfiguration<RegistryChange>
{
    public void Configure(EntityTypeBuilder<RegistryChange> builder)
    {
        builder.ToTable("registry_outbox");
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => new { c.Status, c.NextAttemptAt });
        builder.HasIndex(c => c.ExperimentId);
        builder.Property(c => c.ExperimentKey).HasMaxLength(100);
        builder.Property(c => c.ModelName).HasMaxLength(200);
        builder.Property(c => c.Version).HasMaxLength(50);
        builder.Property(c => c.ReplacedVersion).HasMaxLength(50);
        builder.Property(c => c.ApprovalReference).HasMaxLength(500);
        builder.Property(c => c.LastError).HasMaxLength(4000);
        builder.Property(c => c.Outcome).HasMaxLength(200);
        builder.HasOne<Experiment>().WithMany().HasForeignKey(c => c.ExperimentId).OnDelete(DeleteBehavior.Restrict);
    }
}
