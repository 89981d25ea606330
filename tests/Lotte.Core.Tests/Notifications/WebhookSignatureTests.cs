using Lotte.Core.Notifications;

namespace Lotte.Core.Tests.Notifications;

public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec_test";
    private const string Body = """{"text":"hi"}""";
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeSeconds(1764061200);

    [Fact]
    public void Sign_KnownVector_MatchesAnIndependentHmacSha256()
    {
        // Python: hmac.new(b'whsec_test', b'1764061200.{"text":"hi"}', hashlib.sha256).hexdigest()
        Assert.Equal("t=1764061200,v1=e55966b41894fc3a7ce334a0cc5b5b3d9dbc4417ead0c737d4b8f2cccea8ccae",
            WebhookSignature.Sign(Secret, At.ToUnixTimeSeconds(), Body));
    }

    [Fact]
    public void Verify_TheSignedBody_Passes() =>
        Assert.True(WebhookSignature.Verify(Secret, WebhookSignature.Sign(Secret, At.ToUnixTimeSeconds(), Body), Body, At.AddSeconds(30), TimeSpan.FromMinutes(5)));

    [Fact]
    public void Verify_AlteredBodyWrongSecretOrStaleTimestamp_Fails()
    {
        var header = WebhookSignature.Sign(Secret, At.ToUnixTimeSeconds(), Body);

        Assert.False(WebhookSignature.Verify(Secret, header, """{"text":"hi!"}""", At, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("whsec_other", header, Body, At, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(Secret, header, Body, At.AddMinutes(6), TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(Secret, "v1=deadbeef", Body, At, TimeSpan.FromMinutes(5)));
    }
}
