namespace Lotte.Core.Common;

/// <summary>Retry delays that double from <c>first</c> up to <c>max</c>, with ±20 % jitter so replicas and receivers are not hit in step.</summary>
public static class Backoff
{
    public static TimeSpan Delay(TimeSpan first, TimeSpan max, int failedAttempts, Random random)
    {
        var doubling = first.TotalMilliseconds * Math.Pow(2, Math.Clamp(failedAttempts - 1, 0, 30));
        var capped = Math.Min(doubling, max.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.8 + 0.4 * random.NextDouble()));
    }
}
