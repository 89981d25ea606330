using Lotte.Core.Experiments;
using Lotte.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lotte.Core.Persistence.Configurations;

internal sealed class WebhookConfiguration : IEntityTypeConfiguration<Webhook>
{
    public void Configure(EntityTypeBuilder<Webhook> builder)
    {
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Name).HasMaxLength(100);
        builder.Property(w => w.Url).HasMaxLength(2000);
        builder.Property(w => w.CreatedBy).HasMaxLength(200);
        builder.HasOne<Experiment>().WithMany().HasForeignKey(w => w.ExperimentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.HasKey(d => d.Id);
        builder.HasIndex(d => new { d.WebhookId, d.AuditId }).IsUnique();
        builder.HasIndex(d => new { d.Status, d.NextAttemptAt });
        builder.HasIndex(d => d.AuditId);
        builder.Property(d => d.PayloadJson).HasColumnType("jsonb");
        builder.Property(d => d.LastError).HasMaxLength(1000);
        builder.HasOne<Webhook>().WithMany().HasForeignKey(d => d.WebhookId).OnDelete(DeleteBehavior.Cascade);
    }
}
