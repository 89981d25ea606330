namespace Lotte.Core.Ingestion;

/// <summary>Sufficient statistics are kept per arm and per minute; charts downsample, decisions sum.</summary>
public static class StatisticsBucket
{
    public static readonly TimeSpan Width = TimeSpan.FromMinutes(1);

    public static DateTimeOffset Of(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % Width.Ticks), TimeSpan.Zero);
    }
}
