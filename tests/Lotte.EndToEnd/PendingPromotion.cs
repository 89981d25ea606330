using Lotte.Core.Demo;
using Lotte.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lotte.EndToEnd;

internal static class PendingPromotion
{
    /// <summary>Puts the demo's better experiment into "awaiting approval", as the engine does on a PROMOTE.</summary>
    public static async Task<string> CreateAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var experiment = await db.Experiments.SingleAsync(e => e.Key == DemoSeeder.BetterStagingKey);
        experiment.AwaitApproval(DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
        return experiment.Key;
    }
}
