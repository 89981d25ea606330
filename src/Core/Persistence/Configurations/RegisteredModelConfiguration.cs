using Lotte.Core.ModelRegistry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lotte.Core.Persistence.Configurations;

internal sealed class RegisteredModelConfiguration : IEntityTypeConfiguration<RegisteredModel>
{
    public void Configure(EntityTypeBuilder<RegisteredModel> builder)
    {
        builder.HasKey(m => m.Name);
        builder.Property(m => m.Name).HasMaxLength(200);
        builder.Property(m => m.Description).HasMaxLength(2000);
        builder.HasMany(m => m.Versions).WithOne().HasForeignKey(v => v.ModelName).OnDelete(DeleteBehavior.Cascade);
    }
}
