namespace Lotte.IntegrationTests.Api;

/// <summary>Events in their wire form, as a serving process or the CRM sends them.</summary>
internal static class WireEvents
{
    public static string At(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public static object Exposure(string eventId, string unitId, string arm, DateTimeOffset at) =>
        new { eventId, type = "exposure", unitId, arm, occurredAt = At(at) };

    public static object Conversion(string eventId, string unitId, DateTimeOffset at, long? value = null, object? attributes = null) =>
        new { eventId, type = "conversion", unitId, occurredAt = At(at), value, attributes };

    public static object Error(string eventId, string arm, DateTimeOffset at, string errorKind = "timeout") =>
        new { eventId, type = "error", arm, errorKind, occurredAt = At(at) };

    /// <summary>A mirrored request answered by Staging in a shadow test; with an error kind when it failed.</summary>
    public static object ShadowResult(string eventId, DateTimeOffset at, double latencyMs, string? errorKind = null) =>
        new { eventId, type = "shadowResult", arm = "staging", latencyMs, errorKind, occurredAt = At(at) };

    /// <summary>A model's prediction score for a unit, served by <paramref name="arm"/>.</summary>
    public static object Prediction(string eventId, string unitId, string arm, double score, DateTimeOffset at) =>
        new { eventId, type = "prediction", unitId, arm, score, occurredAt = At(at) };
}
