namespace Lotte.IntegrationTests.Ingestion;

/// <summary>
/// What the fuzzed server holds: a running experiment, a draft and a stopped one, and API keys with both
/// scopes, with one scope each, and a revoked one.
/// </summary>
internal sealed record FuzzTarget(
    string RunningKey,
    string DraftKey,
    string StoppedKey,
    DateTimeOffset StartedAt,
    string Token,
    string AssignOnlyToken,
    string IngestOnlyToken,
    string RevokedToken)
{
    public static string PathOf(string experimentKey, string endpoint) => $"/api/v1/experiments/{experimentKey}/{endpoint}";
}
