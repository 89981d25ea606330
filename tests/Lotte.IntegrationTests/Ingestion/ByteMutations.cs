using System.Text;

namespace Lotte.IntegrationTests.Ingestion;

/// <summary>
/// Byte-level damage to a body: bit flips, replaced, deleted and inserted bytes, copied slices and
/// truncation. Each edit lands at one place, so it touches at most one event of a batch.
/// </summary>
internal static class ByteMutations
{
    public const int MaxEdits = 3;

    private static readonly byte[] Interesting = [0x00, (byte)'"', (byte)'\\', (byte)'{', (byte)'}', (byte)'[', (byte)']', (byte)',',
        (byte)':', 0xFF, 0xC3, 0xED, 0x80, 0xC0, (byte)'\n', (byte)' ', (byte)'0', (byte)'-', (byte)'e', (byte)'.', 0x7F, 0x1B];

    private static readonly byte[][] Tokens = [.. new[]
    {
        "null", "1e400", "\\ud800", "\"", ",", "{", "[", "]]]]", "}}", "-", "NaN", "\"events\":", "\\u0000", "\u00e9",
    }.Select(Encoding.UTF8.GetBytes), [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80], [0xEF, 0xBB, 0xBF]];

    /// <summary>Applies one to <see cref="MaxEdits"/> edits; returns the damaged copy and what was done.</summary>
    public static (byte[] Body, string Edits) Apply(byte[] body, Random rng)
    {
        var bytes = new List<byte>(body);
        var edits = new List<string>();
        var count = rng.Next(1, MaxEdits + 1);
        for (var i = 0; i < count && bytes.Count > 0; i++)
        {
            var at = rng.Next(bytes.Count);
            switch (rng.Next(7))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << rng.Next(8));
                    edits.Add("flip");
                    break;
                case 1:
                    bytes[at] = Interesting[rng.Next(Interesting.Length)];
                    edits.Add("replace");
                    break;
                case 2:
                    bytes.RemoveRange(at, Math.Min(rng.Next(1, 4), bytes.Count - at));
                    edits.Add("delete");
                    break;
                case 3:
                    bytes.InsertRange(at, Tokens[rng.Next(Tokens.Length)]);
                    edits.Add("insert-token");
                    break;
                case 4:
                    bytes.InsertRange(at, Enumerable.Range(0, rng.Next(1, 9)).Select(_ => (byte)rng.Next(256)));
                    edits.Add("insert-random");
                    break;
                case 5:
                    var start = rng.Next(bytes.Count);
                    bytes.InsertRange(at, bytes.GetRange(start, Math.Min(rng.Next(1, 64), bytes.Count - start)));
                    edits.Add("copy-slice");
                    break;
                default:
                    bytes.RemoveRange(at, bytes.Count - at);
                    edits.Add("truncate");
                    break;
            }
        }

        return ([.. bytes], string.Join('+', edits));
    }
}
