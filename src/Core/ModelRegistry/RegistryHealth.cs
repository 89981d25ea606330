namespace Lotte.Core.ModelRegistry;

/// <summary>The registry's state for readiness and the UI: reachable or not, and why.</summary>
public sealed record RegistryHealth(string Registry, bool Reachable, string Detail);
