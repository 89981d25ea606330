using Lotte.Core.Decisions;

namespace Lotte.Core.Tests.Decisions;

/// <summary>Snapshots for tests: one request per exposed unit unless stated, no Production errors.</summary>
internal static class Snapshots
{
    public static ExperimentSnapshot Create(
        long productionUnits, long productionConversions, long stagingUnits, long stagingConversions,
        long? stagingRequests = null, long stagingErrors = 0, double stagingShare = 0.1) =>
        new(
            new ArmSnapshot(productionUnits, productionConversions, productionUnits, 0),
            new ArmSnapshot(stagingUnits, stagingConversions, stagingRequests ?? stagingUnits, stagingErrors),
            stagingShare);
}
