using System.Text.Json;
using Lotte.Core.Assignment;

namespace Lotte.Core.Tests.Assignment;

/// <summary>Every case of GrowthBook's cross-SDK hashing and bucketing suite, one test case each.</summary>
public sealed class GrowthBookReferenceCaseTests
{
    private const double Tolerance = 1e-9;

    public static IEnumerable<TheoryDataRow<string>> HashCases =>
        GrowthBookReferenceCases.Rows("hash", c => $"hash(\"{c[0]}\", \"{c[1]}\", v{c[2]}) = {c[3].GetRawText()}");

    public static IEnumerable<TheoryDataRow<string>> BucketRangeCases =>
        GrowthBookReferenceCases.Rows("getBucketRange", c => c[0].GetString()!);

    public static IEnumerable<TheoryDataRow<string>> ChooseVariationCases =>
        GrowthBookReferenceCases.Rows("chooseVariation", c => c[0].GetString()!);

    public static IEnumerable<TheoryDataRow<string>> NamespaceCases =>
        GrowthBookReferenceCases.Rows("inNamespace", c => c[0].GetString()!);

    public static IEnumerable<TheoryDataRow<string>> EqualWeightCases =>
        GrowthBookReferenceCases.Rows("getEqualWeights", c => $"getEqualWeights({c[0]})");

    [Theory]
    [MemberData(nameof(HashCases))]
    public void Hash_ReferenceCase_MatchesSdk(string caseJson)
    {
        var c = ReferenceJson.Parse(caseJson);
        var actual = GrowthBookHash.Hash(c[0].GetString()!, c[1].GetString()!, c[2].GetInt32());

        if (c[3].ValueKind == JsonValueKind.Null)
        {
            Assert.Null(actual);
            return;
        }
        Assert.NotNull(actual);
        Assert.Equal(c[3].GetDouble(), actual.Value, Tolerance);
    }

    [Theory]
    [MemberData(nameof(BucketRangeCases))]
    public void GetBucketRanges_ReferenceCase_MatchesSdk(string caseJson)
    {
        var c = ReferenceJson.Parse(caseJson);
        var arguments = c[1];
        var expected = ReferenceJson.Ranges(c[2]);

        var actual = BucketRanges.GetBucketRanges(
            arguments[0].GetInt32(), arguments[1].GetDouble(), ReferenceJson.DoublesOrNull(arguments[2]));

        Assert.Equal(expected.Length, actual.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].Start, actual[i].Start, Tolerance);
            Assert.Equal(expected[i].End, actual[i].End, Tolerance);
        }
    }

    [Theory]
    [MemberData(nameof(ChooseVariationCases))]
    public void ChooseVariation_ReferenceCase_MatchesSdk(string caseJson)
    {
        var c = ReferenceJson.Parse(caseJson);

        var actual = BucketRanges.ChooseVariation(c[1].GetDouble(), ReferenceJson.Ranges(c[2]));

        Assert.Equal(c[3].GetInt32(), actual);
    }

    [Theory]
    [MemberData(nameof(NamespaceCases))]
    public void InNamespace_ReferenceCase_MatchesSdk(string caseJson)
    {
        var c = ReferenceJson.Parse(caseJson);
        var slice = c[2];
        var space = new ExperimentNamespace(slice[0].GetString()!, slice[1].GetDouble(), slice[2].GetDouble());

        Assert.Equal(c[3].GetBoolean(), space.Includes(c[1].GetString()!));
    }

    [Theory]
    [MemberData(nameof(EqualWeightCases))]
    public void GetEqualWeights_ReferenceCase_MatchesSdk(string caseJson)
    {
        var c = ReferenceJson.Parse(caseJson);
        var expected = ReferenceJson.Doubles(c[1]);

        var actual = BucketRanges.GetEqualWeights(c[0].GetInt32());

        // The suite lists weights cut to 8 decimals (1/3 as 0.33333333); GrowthBook's own harnesses
        // truncate the computed weights the same way before comparing.
        Assert.Equal(expected.Length, actual.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], Math.Floor(actual[i] * 1e8) / 1e8, Tolerance);
        }
    }
}
