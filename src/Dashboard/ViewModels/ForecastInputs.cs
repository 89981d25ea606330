using Lotte.Core.Decisions;

namespace Lotte.Dashboard.ViewModels;

/// <summary>What a policy forecast depends on; a record, so equal inputs share one cached simulation.</summary>
public sealed record ForecastInputs(DecisionPolicy Policy, double StagingShare, double BaselineRate, double UnitsPerDay);
