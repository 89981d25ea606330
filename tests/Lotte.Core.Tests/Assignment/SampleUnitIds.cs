using System.Globalization;

namespace Lotte.Core.Tests.Assignment;

/// <summary>Unit ids shaped like the app's: customer and broker numbers, half of them in Hangul.</summary>
internal static class SampleUnitIds
{
    public static IReadOnlyList<string> Generate(int count) =>
        Enumerable.Range(1, count)
            .Select(i => (i % 4) switch
            {
                0 => "customer-" + i.ToString(CultureInfo.InvariantCulture),
                1 => "고객-" + i.ToString("D6", CultureInfo.InvariantCulture),
                2 => "broker-" + i.ToString(CultureInfo.InvariantCulture),
                _ => "중개사-" + i.ToString("D6", CultureInfo.InvariantCulture),
            })
            .ToArray();
}
