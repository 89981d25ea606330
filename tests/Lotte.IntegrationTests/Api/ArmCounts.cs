using Lotte.Core.Assignment;
using Lotte.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lotte.IntegrationTests.Api;

/// <summary>Cumulative sufficient statistics of one arm, summed over its time buckets.</summary>
internal sealed record ArmCounts(long ExposedUnits, long ConvertedUnits, long Requests, long Errors, decimal ValueSum, double ValueSumOfSquares)
{
    public static async Task<Dictionary<Arm, ArmCounts>> ReadAsync(TestDatabase database, Guid experimentId)
    {
        await using var db = database.CreateContext();
        var rows = await db.ArmStatistics.Where(b => b.ExperimentId == experimentId)
            .GroupBy(b => b.Arm)
            .Select(g => new
            {
                Arm = g.Key,
                Counts = new ArmCounts(g.Sum(b => b.ExposedUnits), g.Sum(b => b.ConvertedUnits), g.Sum(b => b.Requests),
                    g.Sum(b => b.Errors), g.Sum(b => b.ValueSum), g.Sum(b => b.ValueSumOfSquares)),
            })
            .ToListAsync();
        return rows.ToDictionary(r => r.Arm, r => r.Counts);
    }
}
