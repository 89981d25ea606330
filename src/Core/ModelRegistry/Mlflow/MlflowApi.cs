using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Lotte.Core.ModelRegistry.Mlflow;

/// <summary>
/// MLflow's REST API 2.0 over one <see cref="HttpClient"/> whose base address is the tracking server: GET parameters
/// in the query string, JSON bodies for POST and DELETE, and every failure turned into a <see cref="ModelRegistryException"/>.
/// </summary>
internal sealed class MlflowApi(HttpClient http)
{
    private const string Prefix = "api/2.0/mlflow/";
    private const int MaxErrorText = 200;
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public Task<T> GetAsync<T>(string path, MlflowQuery query, JsonTypeInfo<T> answer, CancellationToken cancellationToken) =>
        SendAsync(() => new HttpRequestMessage(HttpMethod.Get, Prefix + path + query), answer, cancellationToken);

    public Task PostAsync<TBody>(string path, TBody body, JsonTypeInfo<TBody> bodyType, CancellationToken cancellationToken) =>
        SendAsync(() => WithBody(HttpMethod.Post, path, body, bodyType), MlflowJsonContext.Default.EmptyResponse, cancellationToken);

    public Task<T> PostAsync<TBody, T>(string path, TBody body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<T> answer, CancellationToken cancellationToken) =>
        SendAsync(() => WithBody(HttpMethod.Post, path, body, bodyType), answer, cancellationToken);

    /// <summary>DELETE reads its parameters from a JSON body: MLflow ignores the query string for it.</summary>
    public Task DeleteAsync<TBody>(string path, TBody body, JsonTypeInfo<TBody> bodyType, CancellationToken cancellationToken) =>
        SendAsync(() => WithBody(HttpMethod.Delete, path, body, bodyType), MlflowJsonContext.Default.EmptyResponse, cancellationToken);

    private static HttpRequestMessage WithBody<TBody>(HttpMethod method, string path, TBody body, JsonTypeInfo<TBody> bodyType)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, bodyType));
        content.Headers.ContentType = Json; // exactly application/json, as MLflow's content-type check expects
        return new HttpRequestMessage(method, Prefix + path) { Content = content };
    }

    private async Task<T> SendAsync<T>(Func<HttpRequestMessage> build, JsonTypeInfo<T> answer, CancellationToken cancellationToken)
    {
        using var request = build();
        var call = $"{request.Method} {request.RequestUri?.OriginalString.Split('?')[0]}";
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw Rejected(call, response, body);
            }
            return Parse(call, body, answer);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (HttpRequestException e)
        {
            throw new ModelRegistryException($"MLflow is unreachable ({call}): {e.Message}", isTransient: true, e);
        }
        catch (TimeoutRejectedException e)
        {
            throw new ModelRegistryException($"MLflow did not answer in time ({call}): {e.Message}", isTransient: true, e);
        }
        catch (BrokenCircuitException e)
        {
            throw new ModelRegistryException($"MLflow calls are paused after repeated failures ({call}).", isTransient: true, e);
        }
        catch (OperationCanceledException e)
        {
            throw new ModelRegistryException($"MLflow did not answer in time ({call}).", isTransient: true, e);
        }
    }

    private static T Parse<T>(string call, byte[] body, JsonTypeInfo<T> answer)
    {
        try
        {
            // Endpoints that return nothing answer {}; an empty body is read the same way.
            return JsonSerializer.Deserialize(body.Length == 0 ? "{}"u8 : body, answer)
                ?? throw new JsonException("null");
        }
        catch (JsonException e)
        {
            throw new ModelRegistryException($"MLflow sent an answer that is not the expected JSON ({call}): {e.Message}", isTransient: false, e);
        }
    }

    /// <summary>
    /// MLflow's JSON errors carry <c>error_code</c>; proxies and Flask itself answer HTML or text (404, 405, the 403 of
    /// the Host-header check). Unreachable, 408, 429 and 5xx are transient: the same call may succeed later.
    /// </summary>
    private static ModelRegistryException Rejected(string call, HttpResponseMessage response, byte[] body)
    {
        var status = (int)response.StatusCode;
        var error = TryReadError(body);
        var transient = status >= 500 || response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout
            || error?.ErrorCode is "TEMPORARILY_UNAVAILABLE" or "REQUEST_LIMIT_EXCEEDED";
        var detail = error?.Message ?? ShortText(response, body);
        var code = error?.ErrorCode is { } c ? $" {c}" : "";
        return new ModelRegistryException($"MLflow answered {status}{code} to {call}: {detail}", transient)
        {
            ErrorCode = error?.ErrorCode,
        };
    }

    private static MlflowError? TryReadError(byte[] body)
    {
        try
        {
            var error = JsonSerializer.Deserialize(body, MlflowJsonContext.Default.MlflowError);
            return error?.ErrorCode is null ? null : error;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string ShortText(HttpResponseMessage response, byte[] body)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "no content type";
        if (mediaType.Contains("html", StringComparison.OrdinalIgnoreCase) || body.Length == 0)
        {
            return $"{response.ReasonPhrase} ({mediaType})";
        }
        var text = System.Text.Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, MaxErrorText * 4)).Trim();
        return text.Length > MaxErrorText ? text[..MaxErrorText] + "…" : text;
    }
}
