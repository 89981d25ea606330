using System.Text;
using Lotte.Core.Assignment;

namespace Lotte.Core.Tests.Assignment;

public sealed class GrowthBookHashTests
{
    // Published FNV-1a 32-bit test vectors (ASCII, so code units and bytes coincide).
    [Theory]
    [InlineData("", 0x811C9DC5u)]
    [InlineData("a", 0xE40C292Cu)]
    [InlineData("foobar", 0xBF9CF968u)]
    public void Fnv1a32_PublishedVector_Matches(string text, uint expected)
    {
        Assert.Equal(expected, GrowthBookHash.Fnv1a32(text));
    }

    [Fact]
    public void Hash_HangulUnitId_IsDeterministicAndInUnitInterval()
    {
        var first = GrowthBookHash.Hash("listing-ranker", "고객-0001", 2);
        var second = GrowthBookHash.Hash("listing-ranker", "고객-0001", 2);

        Assert.NotNull(first);
        Assert.Equal(first, second);
        Assert.InRange(first.Value, 0, 0.9999);
    }

    [Fact]
    public void Hash_DecomposedHangul_IsAnotherUnit()
    {
        // NFD spells 고객 as five jamo instead of two syllables; SDKs hash what they are given.
        var composed = "고객-0001";
        var decomposed = composed.Normalize(NormalizationForm.FormD);

        Assert.NotEqual(composed, decomposed);
        Assert.NotEqual(GrowthBookHash.Hash("seed", composed, 2), GrowthBookHash.Hash("seed", decomposed, 2));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(-1)]
    public void Hash_UndefinedVersion_ReturnsNull(int version)
    {
        Assert.Null(GrowthBookHash.Hash("seed", "unit", version));
    }

    [Fact]
    public void Hash_Version2_HasFourDecimalResolution()
    {
        for (var i = 0; i < 1000; i++)
        {
            var bucket = GrowthBookHash.Hash("seed", $"unit-{i}", 2)!.Value;
            Assert.Equal(Math.Round(bucket, 4), bucket);
        }
    }
}
