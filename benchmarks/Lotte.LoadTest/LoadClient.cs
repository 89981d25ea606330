namespace Lotte.LoadTest;

/// <summary>The generator's HTTP client: keep-alive connections, as many as the concurrency, nothing else in the way.</summary>
public static class LoadClient
{
    public static HttpClient Create(Uri baseAddress, int connections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        UseCookies = false,
        AllowAutoRedirect = false,
    })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(120),
    };
}
