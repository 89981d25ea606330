using Lotte.Core.ModelRegistry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lotte.Core.Persistence.Configurations;

internal sealed class ModelVersionConfiguration : IEntityTypeConfiguration<ModelVersion>
{
    public void Configure(EntityTypeBuilder<ModelVersion> builder)
    {
        builder.HasKey(v => new { v.ModelName, v.Version });
        builder.Property(v => v.Version).HasMaxLength(50);
        builder.Property(v => v.Description).HasMaxLength(2000);
        builder.Property(v => v.Source).HasMaxLength(1000);
        builder.Property(v => v.RunId).HasMaxLength(100);
        builder.HasIndex(v => new { v.ModelName, v.Stage });
        builder.Property(v => v.Tags)
            .HasColumnType("jsonb")
            .HasDefaultValueSql("'{}'::jsonb")
            .HasConversion(TagsJson.Converter, TagsJson.Comparer);
    }
}
