namespace Lotte.Core.ModelRegistry.Outbox;

/// <summary>How an applied outbox entry ended (<see cref="RegistryChange.Outcome"/>).</summary>
public static class RegistryChangeOutcome
{
    public const string Applied = "applied";

    /// <summary>The registry already showed the move: applied before a crash, or by hand. Recorded, not repeated.</summary>
    public const string AlreadyThere = "already in the registry";
}
