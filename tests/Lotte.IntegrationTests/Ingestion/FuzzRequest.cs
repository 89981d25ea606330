namespace Lotte.IntegrationTests.Ingestion;

/// <summary>
/// One generated request. <paramref name="PathAndQuery"/> is sent as written (relative to the server);
/// <paramref name="Streamed"/> sends the body without a Content-Length, as a chunked upload; <paramref name="Detail"/>
/// says what was done, for the report of a failure.
/// </summary>
internal sealed record FuzzRequest(
    string Category,
    string Method,
    string PathAndQuery,
    byte[]? Body,
    string? ContentType,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    ExpectedStatus Expected,
    bool Streamed = false,
    string Detail = "");
