using Lotte.Core.ApiKeys;

namespace Lotte.Core.Tests.ApiKeys;

public class ApiKeyTokenTests
{
    [Fact]
    public void Generate_TwoTokens_AreDifferentAndCarryTheirPrefix()
    {
        var (prefixA, tokenA) = ApiKeyToken.Generate();
        var (_, tokenB) = ApiKeyToken.Generate();

        Assert.NotEqual(tokenA, tokenB);
        Assert.Equal(prefixA, ApiKeyToken.PrefixOf(tokenA));
        Assert.True(tokenA.Length >= 50);
    }

    [Theory]
    [InlineData("")]
    [InlineData("lotte_")]
    [InlineData("bearer_abcdefghij_xyz")]
    [InlineData("lotte_abcdefghijxyz")]
    public void PrefixOf_MalformedToken_IsNull(string token) => Assert.Null(ApiKeyToken.PrefixOf(token));

    [Fact]
    public void Hash_IsSha256OfTheWholeToken_AndDiffersPerToken()
    {
        Assert.Equal(32, ApiKeyToken.Hash("lotte_a").Length);
        Assert.NotEqual(ApiKeyToken.Hash("lotte_a"), ApiKeyToken.Hash("lotte_b"));
    }

    [Theory]
    [InlineData("lotte_abcdefghij_secret", "lotte_abcdefghij_secret", true)]
    [InlineData("lotte_abcdefghij_secret", "lotte_abcdefghij_secreT", false)]
    [InlineData("lotte_abcdefghij_secret", "lotte_abcdefghij_secre", false)]
    public void FixedTimeEquals_ComparesWholeTokens(string a, string b, bool expected) =>
        Assert.Equal(expected, ApiKeyToken.FixedTimeEquals(a, b));
}
