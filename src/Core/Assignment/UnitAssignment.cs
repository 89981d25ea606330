using Lotte.Core.ModelRegistry;

namespace Lotte.Core.Assignment;

/// <summary>The answer to "which model serves this unit?".</summary>
public sealed record UnitAssignment(Arm Arm, string ModelName, string ModelVersion, ModelStage Stage);
