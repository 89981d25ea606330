namespace Lotte.Dashboard.ViewModels;

/// <summary>What happens next, as a localizable sentence key with its arguments.</summary>
public sealed record NextStep(string Key, params object[] Arguments);
