namespace Lotte.IntegrationTests.Ingestion;

/// <summary>What a fuzzed request may be answered with, beyond the rule that nothing is ever a 5xx.</summary>
internal sealed class ExpectedStatus
{
    private readonly int[] _codes;
    private readonly bool _anyClientError;

    private ExpectedStatus(int[] codes, bool anyClientError)
    {
        _codes = codes;
        _anyClientError = anyClientError;
    }

    /// <summary>Any answer but a server error (an assignment may well be valid after mutation).</summary>
    public static ExpectedStatus NotServerError { get; } = new([], anyClientError: false);

    /// <summary>Refused, for whatever reason: the request is invalid by construction.</summary>
    public static ExpectedStatus AnyClientError { get; } = new([], anyClientError: true);

    public static ExpectedStatus Exactly(params int[] codes) => new(codes, anyClientError: false);

    public bool Allows(int status) =>
        status is < 500 and > 0 && (_codes.Length > 0 ? _codes.Contains(status) : !_anyClientError || status is >= 400);

    public override string ToString() =>
        _codes.Length > 0 ? string.Join('/', _codes) : _anyClientError ? "4xx" : "not 5xx";
}
