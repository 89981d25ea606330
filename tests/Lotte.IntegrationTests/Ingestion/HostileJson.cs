namespace Lotte.IntegrationTests.Ingestion;

/// <summary>Raw JSON value texts that a field should never be trusted to hold: wrong types, absurd numbers, hostile strings and times.</summary>
internal static class HostileJson
{
    /// <summary>One value of every JSON type (and some that are not JSON at all).</summary>
    public static readonly string[] TypeSwaps =
    [
        "0", "-1", "42.5", "\"\"", "\"text\"", "[]", "[1,\"a\",null]", "{}", "{\"a\":1}", "null", "true", "false",
        "[[[]]]", "{\"events\":[]}", "undefined", "'single'", "",
    ];

    public static readonly string[] Numbers =
    [
        "NaN", "\"NaN\"", "Infinity", "-Infinity", "\"-Infinity\"", "1e400", "-1e400", "1e-400", "-1", "-0", "0.5", "1.5", "-0.0",
        "1000.000001", "10000000000001", "1e13", "1e19", "9223372036854775808", "-9223372036854775809",
        "79228162514264337593543950336", "99999999999999999999999999999999999999999999", "0x10", "01", "+1", ".5", "1.", "1e",
        "-", "1_000", "1,000", "\"1000\"", "1E+308", "-1.7976931348623157E+308", "4.9e-324",
    ];

    public static readonly string[] Timestamps =
    [
        "\"2026-11-25T09:30:00\"", "\"2026-11-25 09:30:00Z\"", "\"2126-01-01T00:00:00Z\"", "\"1900-01-01T00:00:00Z\"",
        "\"0001-01-01T00:00:00Z\"", "\"0001-01-01T00:00:00+14:00\"", "\"9999-12-31T23:59:59-14:00\"",
        "\"9999-12-31T23:59:59.9999999Z\"", "\"2026-02-30T00:00:00Z\"", "\"2026-11-25T24:00:00Z\"", "\"2026-11-25T09:30:00+25:00\"",
        "\"2026-11-25T09:30:00.123456789Z\"", "\"1732527000\"", "1732527000", "\"yesterday\"", "\"2026-W48-3\"",
        "\"2026-11-25T09:30:00z\"", "\"2026-11-25T09:30:00+0900\"", "\"+275760-09-13T00:00:00Z\"", "\"-0001-01-01T00:00:00Z\"",
        "\"1970-01-01T00:00:00Z\"", "\"2026-11-25T09:30:00-\"", "\"2026-11-25T09:30:00Z[Asia/Seoul]\"",
    ];

    public static readonly string[] Strings =
    [
        "\"\"", "\" \"", "\"\\u0000\"", "\"\\u0001\"", "\"a\\u001fb\"", "\"\\ud800\"", "\"\\udc00\"", "\"\\ud800\\ud800\"",
        "\"x\\udfffy\"", "\"\\udbff\"", "\"\\ud83d\\udca9\"", "\"\\uffff\"", "\"\\ufeff\"", "\"\\u202e\"", "\"exposure\\u0000\"",
        "\"EXPOSURE\"", "\"Exposure\"", "\"production \"", "\"PRODUCTION\"", "\"Staging\"", "\"shadow_result\"",
        "\"\\\\\"", "\"'; DROP TABLE raw_events; --\"", "\"${jndi:ldap://127.0.0.1/a}\"", "\"<script>alert(1)</script>\"",
        "\"\\u00e9\\u0301\"", "\"%00\"", "\"\\uD800\\uDC00\\uD800\"", "\"a\u0001b\"", "\"tab\there\"", "\"line\nbreak\"",
        "\"\\x41\"", "\"\\u12\"", "\"\\uZZZZ\"", "\"unterminated",
    ];

    public static IEnumerable<string> All => TypeSwaps.Concat(Numbers).Concat(Timestamps).Concat(Strings);

    /// <summary>A JSON string of <paramref name="length"/> characters.</summary>
    public static string LongString(int length, char fill = 'a') => "\"" + new string(fill, length) + "\"";

    /// <summary>Arrays or objects nested <paramref name="levels"/> deep, closed or not.</summary>
    public static string Deep(int levels, bool objects, bool closed)
    {
        var open = objects ? string.Concat(Enumerable.Repeat("{\"a\":", levels)) + "1" : new string('[', levels);
        return closed ? open + new string(objects ? '}' : ']', levels) : open;
    }

    public static string Pick(Random rng, IReadOnlyList<string> values) => values[rng.Next(values.Count)];
}
