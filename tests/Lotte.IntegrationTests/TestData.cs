using Lotte.Core.Experiments;

namespace Lotte.IntegrationTests;

internal static class TestData
{
    public static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 30, 0, TimeSpan.Zero);

    public static Experiment Experiment(string key = "exp-1") =>
        new(key, $"Experiment {key}", "undervaluation-score", "3", "4", "ml-engineer@lotte.test", Now);

    public static byte[] Pseudonym(byte seed) => Enumerable.Repeat(seed, 32).ToArray();
}
