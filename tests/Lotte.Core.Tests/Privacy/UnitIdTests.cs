using System.Text.Json;
using Lotte.Core.Privacy;

namespace Lotte.Core.Tests.Privacy;

public sealed class UnitIdTests
{
    private const string Raw = "고객-0001";

    [Fact]
    public void ToString_AnyId_IsRedacted()
    {
        var unit = new UnitId(Raw);

        Assert.Equal(UnitId.Redacted, unit.ToString());
        Assert.DoesNotContain(Raw, $"served {unit} at {DateTime.UnixEpoch:O}", StringComparison.Ordinal);
        Assert.DoesNotContain(Raw, string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0}", unit), StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_AsJson_LeaksNothing()
    {
        var json = JsonSerializer.Serialize(new { Unit = new UnitId(Raw) });

        Assert.DoesNotContain("0001", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\\uACE0", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Reveal_AnyId_ReturnsTheRawId()
    {
        Assert.Equal(Raw, new UnitId(Raw).Reveal());
    }

    [Fact]
    public void Equals_SameRawId_IsEqualAndHashesAlike()
    {
        Assert.Equal(new UnitId(Raw), new UnitId(Raw));
        Assert.Equal(new UnitId(Raw).GetHashCode(), new UnitId(Raw).GetHashCode());
        Assert.NotEqual(new UnitId(Raw), new UnitId("고객-0002"));
    }

    [Fact]
    public void Constructor_Empty_Throws()
    {
        Assert.Throws<ArgumentException>(() => new UnitId(""));
    }

    [Fact]
    public void Constructor_LoneSurrogate_ThrowsWithoutEchoingTheId()
    {
        // Built in code: attribute arguments are stored as UTF-8, which would replace a lone surrogate.
        foreach (var raw in new[] { "secret-" + '\uD800', '\uDC00' + "secret" })
        {
            var exception = Assert.Throws<ArgumentException>(() => new UnitId(raw));

            Assert.DoesNotContain("secret", exception.Message, StringComparison.Ordinal);
        }
    }
}
