using System.Text;
using Lotte.Core.Privacy;

namespace Lotte.Core.Tests.Privacy;

public sealed class UnitPseudonymizerTests
{
    [Fact]
    public void Pseudonymize_SameIdTwice_GivesEqualPseudonyms()
    {
        var options = TestPrivacyOptions.Wrap(TestPrivacyOptions.Create());
        var first = new UnitPseudonymizer(options).Pseudonymize(new UnitId("고객-0001"));
        var second = new UnitPseudonymizer(options).Pseudonymize(new UnitId("고객-0001"));

        Assert.Equal(first, second);
        Assert.Equal(first.ToHex(), second.ToHex());
    }

    [Fact]
    public void Pseudonymize_DifferentIds_GiveDifferentPseudonyms()
    {
        var pseudonymizer = new UnitPseudonymizer(TestPrivacyOptions.Wrap(TestPrivacyOptions.Create()));

        Assert.NotEqual(pseudonymizer.Pseudonymize(new UnitId("고객-0001")), pseudonymizer.Pseudonymize(new UnitId("고객-0002")));
    }

    [Fact]
    public void Pseudonymize_DifferentKeys_GiveDifferentPseudonyms()
    {
        var unit = new UnitId("customer-42");
        var underA = new UnitPseudonymizer(TestPrivacyOptions.Wrap(TestPrivacyOptions.Create())).Pseudonymize(unit);
        var underB = new UnitPseudonymizer(TestPrivacyOptions.Wrap(TestPrivacyOptions.Create())).Pseudonymize(unit);

        Assert.NotEqual(underA, underB);
    }

    [Theory]
    [InlineData("customer-42")]
    [InlineData("고객-0001")]
    [InlineData("0123456789abcdef")]
    public void Pseudonymize_AnyId_ContainsNoTraceOfTheRawId(string raw)
    {
        var pseudonym = new UnitPseudonymizer(TestPrivacyOptions.Wrap(TestPrivacyOptions.Create())).Pseudonymize(new UnitId(raw));

        Assert.Equal(UnitPseudonym.ByteLength, pseudonym.ToArray().Length);
        Assert.DoesNotContain(raw, pseudonym.ToHex(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(raw, pseudonym.ToBase64Url(), StringComparison.Ordinal);
        Assert.DoesNotContain(raw, pseudonym.ToString(), StringComparison.Ordinal);
        Assert.Equal(-1, pseudonym.ToArray().AsSpan().IndexOf(Encoding.UTF8.GetBytes(raw)));
    }

    // RFC 4231 §4.7 and §4.8: the key is 131 bytes of 0xaa, longer than SHA-256's block, which also
    // exercises hashing of an oversized key. The data is ASCII, so its UTF-8 is the RFC's bytes.
    [Theory]
    [InlineData("Test Using Larger Than Block-Size Key - Hash Key First",
        "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")]
    [InlineData("This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.",
        "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2")]
    public void Pseudonymize_Rfc4231Vector_MatchesHmacSha256(string data, string expectedHex)
    {
        var key = Convert.ToBase64String(Enumerable.Repeat((byte)0xaa, 131).ToArray());
        var pseudonymizer = new UnitPseudonymizer(TestPrivacyOptions.Wrap(TestPrivacyOptions.Create(pseudonymKey: key)));

        Assert.Equal(expectedHex, pseudonymizer.Pseudonymize(new UnitId(data)).ToHex());
    }

    [Fact]
    public void Constructor_ShortKey_Throws()
    {
        var options = TestPrivacyOptions.Create(pseudonymKey: TestPrivacyOptions.RandomKey(31));

        Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(
            () => new UnitPseudonymizer(TestPrivacyOptions.Wrap(options)));
    }
}
