using System.Globalization;
using Lotte.Core.Decisions;
using Lotte.Core.Drift;

namespace Lotte.Dashboard.ViewModels;

/// <summary>
/// One drift warning on the decision card: a comparison against the reference at the warning or alert level, with its
/// numbers formatted for the reader. Staging vs Production is not listed: two versions are expected to score differently.
/// </summary>
public sealed record DriftWarningRow(DriftComparisonKind Kind, DriftLevel Level, string Psi, string PsiWarn, string PsiAlert, string KsP, string NormedWasserstein)
{
    public static IReadOnlyList<DriftWarningRow> From(DecisionResult result)
    {
        if (result.Drift is not { } drift)
        {
            return [];
        }

        var policy = result.Policy.Drift;
        return drift.Comparisons
            .Where(c => c.Kind != DriftComparisonKind.StagingVsProduction && c.Level is DriftLevel.Warning or DriftLevel.Alert)
            .OrderByDescending(c => c.Level)
            .Select(c => new DriftWarningRow(c.Kind, c.Level, Number(c.Numbers.Psi), Number(policy.PsiWarn), Number(policy.PsiAlert),
                DecisionCardModel.P(c.Numbers.KsPValue), Number(c.Numbers.NormedWasserstein)))
            .ToList();
    }

    private static string Number(double value) => value.ToString("0.00#", CultureInfo.CurrentCulture);
}
