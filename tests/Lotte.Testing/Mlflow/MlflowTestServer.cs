using System.Collections.Concurrent;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Lotte.Testing.Mlflow;

/// <summary>
/// An MLflow-protocol server on loopback, answering the model-registry and run endpoints the way a real MLflow 3.x
/// tracking server does (see README.md in this folder for the facts it implements), with in-memory state and faults
/// to inject: error statuses for the next calls, slow answers, and a stopped listener.
/// </summary>
public sealed class MlflowTestServer : IAsyncDisposable
{
    private const string HtmlNotFound = "<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server.</p>\n";
    private const string HtmlMethodNotAllowed = "<!doctype html>\n<html lang=en>\n<title>405 Method Not Allowed</title>\n<h1>Method Not Allowed</h1>\n<p>The method is not allowed for the requested URL.</p>\n";

    /// <summary>Python's json writes quotes and angle brackets as they are.</summary>
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly WebApplication _app;
    private readonly MlflowState _state;
    private readonly Dictionary<string, Dictionary<string, Func<MlflowParameters, JsonObject>>> _routes;
    private readonly Lock _gate = new();
    private readonly ConcurrentQueue<MlflowRecordedRequest> _requests = new();
    private readonly ConcurrentQueue<MlflowRecordedRequest> _appliedWrites = new();
    private int _failuresLeft;
    private int _failureStatus = 503;
    private long _delayTicks;
    private bool _stopped;

    private MlflowTestServer(WebApplication app, int port, TimeProvider time)
    {
        _app = app;
        _state = new MlflowState(time);
        BaseUri = new Uri($"http://127.0.0.1:{port}/");
        _routes = MlflowRoutes.Of(_state);
        app.Run(HandleAsync);
    }

    /// <summary>The server's address, e.g. http://127.0.0.1:41234/ (the client adds /api/2.0/mlflow).</summary>
    public Uri BaseUri { get; }

    /// <summary>Every request received, in order (faults and rejections included).</summary>
    public IReadOnlyList<MlflowRecordedRequest> Requests => [.. _requests];

    public static async Task<MlflowTestServer> StartAsync(TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var server = new MlflowTestServer(builder.Build(), port, time ?? TimeProvider.System);
        await server._app.StartAsync(cancellationToken);
        return server;
    }

    /// <summary>The next <paramref name="count"/> requests answer <paramref name="status"/> with MLflow's JSON error.</summary>
    public void FailNext(int count, int status = 503)
    {
        _failureStatus = status;
        Interlocked.Exchange(ref _failuresLeft, count);
    }

    /// <summary>Every request waits this long before it is answered (zero: answer at once).</summary>
    public TimeSpan ResponseDelay
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _delayTicks));
        set => Interlocked.Exchange(ref _delayTicks, value.Ticks);
    }

    /// <summary>The writes that changed state (answered 200), in order: what "applied exactly once" is counted on.</summary>
    public IReadOnlyList<MlflowRecordedRequest> AppliedWrites => [.. _appliedWrites];

    /// <summary>Forgets what was received and applied so far (e.g. the test's own seeding).</summary>
    public void ClearRequests()
    {
        _requests.Clear();
        _appliedWrites.Clear();
    }

    /// <summary>Stops listening: from now on connections to <see cref="BaseUri"/> are refused.</summary>
    public async Task StopListeningAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _app.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopListeningAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        _requests.Enqueue(new MlflowRecordedRequest(request.Method, request.Path.Value ?? "", request.QueryString.Value ?? "",
            request.Headers.ContentType.ToString(), request.Headers.Authorization.ToString(), body));

        var delay = ResponseDelay;
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, context.RequestAborted);
        }
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            await WriteAsync(context, _failureStatus, Error(_failureStatus == 429 ? "REQUEST_LIMIT_EXCEEDED" : "TEMPORARILY_UNAVAILABLE",
                "Injected failure."));
            return;
        }
        Interlocked.Exchange(ref _failuresLeft, 0);

        // The security middleware of MLflow 3.x: a server bound to loopback accepts only localhost-style hosts.
        if (request.Host.Host is not ("127.0.0.1" or "localhost" or "[::1]" or "::1"))
        {
            await WriteTextAsync(context, 403, "text/plain", "Invalid Host header - possible DNS rebinding attack detected");
            return;
        }
        await RouteAsync(context, body);
    }

    private async Task RouteAsync(HttpContext context, string body)
    {
        var path = context.Request.Path.Value ?? "";
        if (path == "/health" || path == "/version")
        {
            await WriteTextAsync(context, 200, "text/plain; charset=utf-8", path == "/health" ? "OK" : "3.6.1");
            return;
        }
        var rpc = path.StartsWith("/api/2.0/mlflow/", StringComparison.Ordinal) ? path["/api/2.0/mlflow/".Length..]
            : path.StartsWith("/ajax-api/2.0/mlflow/", StringComparison.Ordinal) ? path["/ajax-api/2.0/mlflow/".Length..]
            : null;
        if (rpc is null || !_routes.TryGetValue(rpc, out var methods))
        {
            await WriteTextAsync(context, 404, "text/html; charset=utf-8", HtmlNotFound);
            return;
        }
        if (!methods.TryGetValue(context.Request.Method, out var handler))
        {
            await WriteTextAsync(context, 405, "text/html; charset=utf-8", HtmlMethodNotAllowed);
            return;
        }
        try
        {
            if (context.Request.Method == HttpMethods.Post)
            {
                CheckContentType(context.Request.ContentType);
            }
            var parameters = context.Request.Method == HttpMethods.Get && context.Request.QueryString.HasValue
                ? MlflowParameters.FromQuery(context.Request.Query)
                : MlflowParameters.FromBody(body);
            JsonObject answer;
            lock (_gate)
            {
                answer = handler(parameters);
                if (context.Request.Method != HttpMethods.Get)
                {
                    _appliedWrites.Enqueue(new MlflowRecordedRequest(context.Request.Method, path, context.Request.QueryString.Value ?? "",
                        context.Request.ContentType ?? "", context.Request.Headers.Authorization.ToString(), body));
                }
            }
            await WriteAsync(context, 200, answer);
        }
        catch (MlflowFault fault)
        {
            await WriteAsync(context, fault.Status, Error(fault.ErrorCode, fault.Message));
        }
    }

    private static void CheckContentType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            throw MlflowFault.Invalid("Bad Request. Content-Type header is missing.");
        }
        if (!string.Equals(contentType.Split(';')[0].Trim(), "application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw MlflowFault.Invalid("Bad Request. Content-Type must be one of ['application/json'].");
        }
    }

    private static JsonObject Error(string code, string message) => new() { ["error_code"] = code, ["message"] = message };

    private static Task WriteAsync(HttpContext context, int status, JsonObject json) =>
        WriteTextAsync(context, status, "application/json", json.ToJsonString(Json));

    private static async Task WriteTextAsync(HttpContext context, int status, string contentType, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.Headers.AccessControlAllowOrigin = "*";
        await context.Response.WriteAsync(text, context.RequestAborted);
    }
}

/// <summary>One request as the server received it.</summary>
public sealed record MlflowRecordedRequest(string Method, string Path, string Query, string ContentType, string Authorization, string Body)
{
    /// <summary>True for calls that change state (anything but GET).</summary>
    public bool IsWrite => Method != "GET";
}
