namespace Lotte.IntegrationTests.Monitoring;

/// <summary>Debian's prometheus package (test.sh installs it): the server and promtool, overridable for other systems.</summary>
internal static class PrometheusTools
{
    public static string Prometheus => Find("LOTTE_PROMETHEUS", "/usr/bin/prometheus");

    public static string Promtool => Find("LOTTE_PROMTOOL", "/usr/bin/promtool");

    private static string Find(string variable, string fallback)
    {
        var path = Environment.GetEnvironmentVariable(variable) is { Length: > 0 } configured ? configured : fallback;
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"{path} not found: install Debian's prometheus package (./test.sh does) or set {variable}.");
    }
}
