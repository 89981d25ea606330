using Lotte.Core.ModelRegistry;
using Lotte.Core.Persistence;
using Lotte.Core.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Lotte.Core.Assignment;

/// <summary>
/// Decides which arm serves each unit: GrowthBook-compatible hashing, made sticky by the units table
/// for the few units whose arm could have changed since the start (see <see cref="StickyBand"/>).
/// Nothing is written: a unit's arm is fixed by its first exposure event.
/// </summary>
public sealed class AssignmentService(
    ExperimentConfigCache configs,
    UnitPseudonymizer pseudonymizer,
    IDbContextFactory<LotteDbContext> contexts)
{
    public async Task<IReadOnlyList<UnitAssignment>?> AssignAsync(string experimentKey, IReadOnlyList<UnitId> units,
        CancellationToken cancellationToken)
    {
        var config = await configs.GetAsync(experimentKey, cancellationToken);
        if (config is null)
        {
            return null;
        }

        var arms = new Arm[units.Count];
        if (config.ServesStaging)
        {
            await AssignStickyAsync(config, units, arms, cancellationToken);
        }

        return arms.Select(arm => new UnitAssignment(arm, config.ModelName, config.VersionOf(arm),
            arm == Arm.Staging ? ModelStage.Staging : ModelStage.Production)).ToArray();
    }

    private async Task AssignStickyAsync(AssignmentConfig config, IReadOnlyList<UnitId> units, Arm[] arms,
        CancellationToken cancellationToken)
    {
        var band = new StickyBand(config);
        var lookups = new Dictionary<int, byte[]>();
        for (var i = 0; i < units.Count; i++)
        {
            var bucket = band.BucketOf(units[i].Reveal());
            arms[i] = band.CurrentArm(bucket);
            if (band.ArmMayHaveChanged(bucket))
            {
                lookups[i] = pseudonymizer.Pseudonymize(units[i]).ToArray();
            }
        }

        if (lookups.Count == 0)
        {
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pseudonyms = lookups.Values.ToList();
        var firstArms = await db.Units.AsNoTracking()
            .Where(u => u.ExperimentId == config.ExperimentId && pseudonyms.Contains(u.UnitPseudonym))
            .Select(u => new { u.UnitPseudonym, u.Arm })
            .ToListAsync(cancellationToken);
        var armByPseudonym = firstArms.ToDictionary(u => Convert.ToHexString(u.UnitPseudonym), u => u.Arm);
        foreach (var (index, pseudonym) in lookups)
        {
            if (armByPseudonym.TryGetValue(Convert.ToHexString(pseudonym), out var firstArm))
            {
                arms[index] = firstArm;
            }
        }
    }
}
