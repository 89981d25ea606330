using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Lotte.Core.Persistence;

/// <summary>
/// Lets <c>dotnet ef</c> build the model without starting the dashboard. Migrations are generated
/// from the model alone; a database is needed only for <c>dotnet ef database update</c>.
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<LotteDbContext>
{
    public LotteDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Lotte")
            ?? "Host=127.0.0.1;Port=55432;Username=lotte;Password=lotte-dev;Database=lotte";
        var builder = new DbContextOptionsBuilder<LotteDbContext>();
        builder.UseLottePostgres(connectionString);
        return new LotteDbContext(builder.Options);
    }
}
