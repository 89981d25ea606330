using Lotte.Core.Privacy;

namespace Lotte.Core.Tests.Privacy;

public sealed class UnitPseudonymTests
{
    [Fact]
    public void FromHex_StoredForm_RoundTrips()
    {
        var pseudonym = new UnitPseudonymizer(TestPrivacyOptions.Wrap(TestPrivacyOptions.Create()))
            .Pseudonymize(new UnitId("broker-7"));

        var readBack = UnitPseudonym.FromHex(pseudonym.ToHex());

        Assert.Equal(pseudonym, readBack);
        Assert.Equal(64, pseudonym.ToHex().Length);
        Assert.Equal(43, pseudonym.ToBase64Url().Length);
    }

    [Fact]
    public void FromHex_WrongLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => UnitPseudonym.FromHex("abcd"));
    }
}
