using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Lotte.IntegrationTests.Ingestion;

/// <summary>Answers of a fuzz run, counted by category and status; server errors and unexpected answers are kept whole.</summary>
internal sealed class FuzzReport
{
    /// <summary>Status recorded when no answer came (the connection failed or the client gave up).</summary>
    public const int NoAnswer = 0;

    private readonly ConcurrentDictionary<(string Category, int Status), int> _counts = new();
    private readonly ConcurrentQueue<string> _serverErrors = new();
    private readonly ConcurrentQueue<string> _unexpected = new();
    private int _sent;

    public int Sent => _sent;
    public IReadOnlyCollection<string> ServerErrors => _serverErrors;
    public IReadOnlyCollection<string> Unexpected => _unexpected;
    public TimeSpan Elapsed { get; set; }

    public int Count(Func<int, bool> status) => _counts.Where(c => status(c.Key.Status)).Sum(c => c.Value);

    public void Record(int index, FuzzRequest request, int status, string answer)
    {
        Interlocked.Increment(ref _sent);
        _counts.AddOrUpdate((request.Category, status), 1, (_, n) => n + 1);
        if (status >= 500 || !request.Expected.Allows(status))
        {
            var line = $"#{index} {request.Category} {request.Method} {Preview(request.PathAndQuery)} -> {Describe(status)} " +
                $"(expected {request.Expected}); {request.Detail} body: {Preview(request.Body)}; answer: {Preview(answer)}";
            (status >= 500 ? _serverErrors : _unexpected).Enqueue(line);
        }
    }

    public string Summary()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{_sent} requests in {Elapsed.TotalSeconds:F1} s");
        text.AppendLine("status  count");
        foreach (var group in _counts.GroupBy(c => c.Key.Status).OrderBy(g => g.Key))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{Describe(group.Key),-7} {group.Sum(c => c.Value)}");
        }

        text.AppendLine("category: status x count");
        foreach (var group in _counts.GroupBy(c => c.Key.Category).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var statuses = string.Join(", ", group.OrderBy(c => c.Key.Status).Select(c => $"{Describe(c.Key.Status)} x {c.Value}"));
            text.AppendLine(CultureInfo.InvariantCulture, $"{group.Key}: {statuses}");
        }

        foreach (var line in _serverErrors.Take(15).Concat(_unexpected.Take(15)))
        {
            text.AppendLine(line);
        }

        return text.ToString();
    }

    private static string Describe(int status) => status == NoAnswer ? "none" : status.ToString(CultureInfo.InvariantCulture);

    private static string Preview(string text) => text.Length <= 200 ? text : text[..200] + $"… ({text.Length} chars)";

    private static string Preview(byte[]? body) =>
        body is null ? "none" : Preview(Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 400))) + (body.Length > 400 ? $"… ({body.Length} bytes)" : "");
}
