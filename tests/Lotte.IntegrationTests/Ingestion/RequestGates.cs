using System.Text;

namespace Lotte.IntegrationTests.Ingestion;

/// <summary>
/// Requests that a gate in front of an endpoint must stop: wrong content type, bad or forged credentials,
/// wrong method, unknown or hostile experiment keys. The bodies behind the gates are valid, so a gate that
/// let one through would be seen (an answer other than the gate's, or rows in the database).
/// </summary>
internal sealed class RequestGates(FuzzTarget target, string endpoint, string wrongScopeToken)
{
    public const string Json = "application/json";

    private static readonly string[] ContentTypes =
    [
        "text/plain", "text/json", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
        "application/jsonx", "application/json-seq", "json", "application/", "*/*", "application/octet-stream",
        "text/html; charset=utf-8", "application/javascript", "application json", ";", "application/json/extra",
    ];

    private static readonly string[] Methods = ["GET", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "FOO"];

    private static readonly string[] HostileKeys =
    [
        "%00", "..%2F..%2Fhealth%2Flive", "%2e%2e", "'%20OR%20'1'%3D'1", "%ZZ", "%", "%3Cscript%3E", "%20", "%ED%A0%80",
        "%EC%8B%A4%ED%97%98", "%F0%9F%92%A9", "%24%7Bjndi%3Aldap%3A%2F%2F127.0.0.1%2Fa%7D", "%0D%0AX-Injected:%201",
        new string('a', 10_000), new string('k', 100_000), "%FF%FE", "..", ".", "%C0%AF",
    ];

    public FuzzRequest WrongContentType(Random rng, byte[] validBody)
    {
        var contentType = rng.Next(ContentTypes.Length + 1) is var i && i == ContentTypes.Length ? null : ContentTypes[i];
        return Request("content-type", "POST", Path(target.RunningKey), validBody, contentType, target.Token, ExpectedStatus.Exactly(415));
    }

    public FuzzRequest BadCredentials(Random rng, byte[] validBody)
    {
        var token = target.Token;
        var forged = "lotte_" + RandomText(rng, 10, "abcdefghijkmnpqrstuvwxyz23456789") + "_" + RandomText(rng, 43, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
        var (authorization, expected) = rng.Next(17) switch
        {
            0 => (null, ExpectedStatus.Exactly(401)),
            1 => ("Bearer", ExpectedStatus.Exactly(401)),
            2 => ("Bearer " + forged, ExpectedStatus.Exactly(401)),
            3 => ("Bearer " + token[..^1] + (token[^1] == 'A' ? 'B' : 'A'), ExpectedStatus.Exactly(401)),
            4 => ("Bearer " + token[..rng.Next(1, token.Length)], ExpectedStatus.Exactly(401)),
            5 => ("Bearer " + token + "x", ExpectedStatus.Exactly(401)),
            6 => ("Bearer " + wrongScopeToken, ExpectedStatus.Exactly(403)),
            7 => ("Bearer " + target.RevokedToken, ExpectedStatus.Exactly(401)),
            8 => ("Basic " + Convert.ToBase64String(Encoding.ASCII.GetBytes(token + ":")), ExpectedStatus.Exactly(401)),
            9 => ("Token " + token, ExpectedStatus.Exactly(401)),
            10 => (token, ExpectedStatus.Exactly(401)),
            11 => ("Bearer " + RandomText(rng, 10_000, "abc_"), ExpectedStatus.Exactly(401)),
            12 => ("Bearer " + token.ToUpperInvariant(), ExpectedStatus.Exactly(401)),
            13 => ("Bearer " + RandomText(rng, 40_000, "xyz"), ExpectedStatus.Exactly(431)),
            14 => ("Bearer lotte_\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9_" + token[^43..], ExpectedStatus.Exactly(400, 401)),
            15 => ("Bearer " + token.Replace('_', ' '), ExpectedStatus.Exactly(401)),
            _ => ("Bearer " + forged + ", Bearer " + token, ExpectedStatus.Exactly(401)),
        };
        return Request("credentials", "POST", Path(target.RunningKey), validBody, Json, null, expected, authorization);
    }

    public FuzzRequest WrongMethod(Random rng, byte[] validBody)
    {
        // GET and HEAD reach the pages' routes, which know no such page (404); other methods are not allowed (405).
        var method = Methods[rng.Next(Methods.Length)];
        return Request("method", method, Path(target.RunningKey), method == "HEAD" ? null : validBody, Json, target.Token,
            method is "GET" or "HEAD" ? ExpectedStatus.Exactly(404) : ExpectedStatus.Exactly(405));
    }

    public FuzzRequest UnknownExperiment(Random rng, byte[] validBody)
    {
        var key = rng.Next(3) switch
        {
            0 => target.RunningKey + "-" + rng.Next(100),
            1 => "nope-" + RandomText(rng, rng.Next(1, 40), "abcdefghijklmnopqrstuvwxyz0123456789-_."),
            _ => "x" + target.RunningKey,
        };
        return Request("unknown-experiment", "POST", Path(key), validBody, Json, target.Token, ExpectedStatus.Exactly(404));
    }

    /// <summary>Hostile keys and path shapes; these carry an invalid body, as a path may well normalise to the real one.</summary>
    public FuzzRequest HostilePath(Random rng, byte[] invalidBody)
    {
        var key = HostileKeys[rng.Next(HostileKeys.Length)];
        var path = rng.Next(6) switch
        {
            0 => Path(target.RunningKey) + "/",
            1 => Path(target.RunningKey) + "?key=" + key,
            2 => Path(target.RunningKey) + "/../" + endpoint,
            3 => "/api//v1/experiments/" + target.RunningKey + "/" + endpoint,
            _ => Path(key),
        };
        return Request("hostile-path", "POST", path, invalidBody, Json, target.Token, ExpectedStatus.AnyClientError);
    }

    public FuzzRequest Request(string category, string method, string path, byte[]? body, string? contentType, string? token,
        ExpectedStatus expected, string? authorization = null, bool streamed = false, string detail = "")
    {
        authorization ??= token is null ? null : "Bearer " + token;
        KeyValuePair<string, string>[] headers = authorization is null ? [] : [new("Authorization", authorization)];
        return new FuzzRequest(category, method, path, body, contentType, headers, expected, streamed, detail);
    }

    public string Path(string experimentKey) => FuzzTarget.PathOf(experimentKey, endpoint);

    private static string RandomText(Random rng, int length, string alphabet) =>
        string.Create(length, (rng, alphabet), (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = state.alphabet[state.rng.Next(state.alphabet.Length)];
            }
        });
}
