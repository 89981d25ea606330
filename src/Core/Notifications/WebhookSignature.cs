using System.Security.Cryptography;
using System.Text;

namespace Lotte.Core.Notifications;

/// <summary>
/// <c>X-Lotte-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(secret, "t.body")&gt;</c>. The timestamp is signed
/// with the body so a receiver can refuse replays older than a few minutes.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-Lotte-Signature";

    public static string Sign(string secret, long unixSeconds, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{unixSeconds}.{body}"));
        return $"t={unixSeconds},v1={Convert.ToHexStringLower(mac)}";
    }

    /// <summary>What a receiver does: recompute and compare in constant time, and refuse stale timestamps.</summary>
    public static bool Verify(string secret, string header, string body, DateTimeOffset now, TimeSpan tolerance)
    {
        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        if (!parts.TryGetValue("t", out var t) || !long.TryParse(t, out var seconds) || !parts.ContainsKey("v1"))
        {
            return false;
        }

        var fresh = Math.Abs(now.ToUnixTimeSeconds() - seconds) <= tolerance.TotalSeconds;
        var expected = Encoding.ASCII.GetBytes(Sign(secret, seconds, body));
        return fresh && CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(header));
    }
}
