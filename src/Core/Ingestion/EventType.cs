namespace Lotte.Core.Ingestion;

public enum EventType
{
    /// <summary>A unit was served by an arm.</summary>
    Exposure,

    /// <summary>A signed contract, optionally with its value in KRW.</summary>
    Conversion,

    /// <summary>A serving error of an arm's model, with a kind.</summary>
    Error,

    /// <summary>A model's prediction score, for drift detection.</summary>
    Prediction,

    /// <summary>The result of a mirrored request in a shadow experiment.</summary>
    ShadowResult,
}
