using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Lotte.Testing.Mlflow;

namespace Lotte.Registry.Tests.Mlflow;

/// <summary>The MLflow-protocol server answers as the recorded MLflow 3.x answers do (tests/Lotte.Testing/Mlflow/README.md).</summary>
public sealed class MlflowTestServerConformanceTests : IAsyncLifetime
{
    private MlflowTestServer _server = null!;
    private HttpClient _http = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = await MlflowTestServer.StartAsync(cancellationToken: Cancel);
        _http = new HttpClient { BaseAddress = new Uri(_server.BaseUri, "api/2.0/mlflow/") };
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Search_Empty_AnswersEmptyObject()
    {
        var (status, _, body) = await SendAsync(HttpMethod.Get, "registered-models/search?max_results=5");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("{}", body);
    }

    [Fact]
    public async Task CreateModel_NameOnly_NoDescriptionNumericTimestamps()
    {
        var (_, _, body) = await SendAsync(HttpMethod.Post, "registered-models/create", """{"name": "bare-model"}""");

        var model = JsonNode.Parse(body)!["registered_model"]!.AsObject();
        Assert.Equal(["name", "creation_timestamp", "last_updated_timestamp"], model.Select(p => p.Key));
        Assert.Equal(System.Text.Json.JsonValueKind.Number, model["creation_timestamp"]!.GetValueKind());
    }

    [Fact]
    public async Task CreateModel_Twice_Answers400ResourceAlreadyExists()
    {
        await SendAsync(HttpMethod.Post, "registered-models/create", """{"name": "demo-model"}""");

        var (status, _, body) = await SendAsync(HttpMethod.Post, "registered-models/create", """{"name": "demo-model"}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("""{"error_code":"RESOURCE_ALREADY_EXISTS","message":"Registered Model (name=demo-model) already exists."}""", body);
    }

    [Fact]
    public async Task Post_WithoutOrWithOtherContentType_Answers400()
    {
        var missing = await SendAsync(HttpMethod.Post, "registered-models/create", """{"name": "x"}""", contentType: null);
        var text = await SendAsync(HttpMethod.Post, "registered-models/create", """{"name": "x"}""", contentType: "text/plain");

        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
        Assert.Contains("Bad Request. Content-Type header is missing.", missing.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, text.Status);
        Assert.Contains("Content-Type must be one of ['application/json'].", text.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateVersion_VersionIsAStringAndEmptyFieldsArePresent()
    {
        await SendAsync(HttpMethod.Post, "registered-models/create", """{"name": "demo-model"}""");

        var (_, _, body) = await SendAsync(HttpMethod.Post, "model-versions/create", """{"name": "demo-model", "source": "s3://bucket/path/model"}""");

        Assert.Equal(
            """{"model_version":{"name":"demo-model","version":"1","creation_timestamp":T,"last_updated_timestamp":T,"current_stage":"None","description":"","source":"s3://bucket/path/model","run_id":"","status":"READY","run_link":""}}""",
            System.Text.RegularExpressions.Regex.Replace(body, @"\d{13}", "T"));
    }

    [Fact]
    public async Task Alias_MissingOnGet_Answers400NotFoundMessageAndDeleteOfMissingAnswers200()
    {
        await SendAsync(HttpMethod.Post, "registered-models/create", """{"name": "demo-model"}""");

        var get = await SendAsync(HttpMethod.Get, "registered-models/alias?name=demo-model&alias=champion");
        var delete = await SendAsync(HttpMethod.Delete, "registered-models/alias", """{"name": "demo-model", "alias": "champion"}""");

        Assert.Equal(HttpStatusCode.BadRequest, get.Status);
        Assert.Contains("\"INVALID_PARAMETER_VALUE\"", get.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, delete.Status);
        Assert.Equal("{}", delete.Body);
    }

    [Theory]
    [InlineData("latest", "'latest' alias name (case insensitive) is reserved.")]
    [InlineData("v3", "Version alias name 'v3' is reserved.")]
    public async Task Alias_Reserved_Answers400(string alias, string message)
    {
        await SendAsync(HttpMethod.Post, "registered-models/create", """{"name": "demo-model"}""");
        await SendAsync(HttpMethod.Post, "model-versions/create", """{"name": "demo-model", "source": "s3://b/m"}""");

        var (status, _, body) = await SendAsync(HttpMethod.Post, "registered-models/alias", $$"""{"name": "demo-model", "alias": "{{alias}}", "version": "1"}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_WithQueryStringOnly_Answers400MissingName()
    {
        var (status, _, body) = await SendAsync(HttpMethod.Delete, "registered-models/alias?name=demo-model&alias=champion");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Missing value for required parameter 'name'", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetVersion_Missing404_NonNumeric400()
    {
        await SendAsync(HttpMethod.Post, "registered-models/create", """{"name": "demo-model"}""");

        var missing = await SendAsync(HttpMethod.Get, "model-versions/get?name=demo-model&version=99");
        var text = await SendAsync(HttpMethod.Get, "model-versions/get?name=demo-model&version=abc");

        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Equal("""{"error_code":"RESOURCE_DOES_NOT_EXIST","message":"Model Version (name=demo-model, version=99) not found"}""", missing.Body);
        Assert.Equal(HttpStatusCode.BadRequest, text.Status);
        Assert.Contains("Parameter 'version' must be an integer, got 'abc'.", text.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPathAndWrongMethod_AnswerHtml404And405()
    {
        var unknown = await SendAsync(HttpMethod.Get, "registered-models/list");
        var wrongMethod = await SendAsync(HttpMethod.Get, "registered-models/create?name=x");

        Assert.Equal((HttpStatusCode.NotFound, "text/html"), (unknown.Status, unknown.MediaType));
        Assert.StartsWith("<!doctype html>", unknown.Body, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.MethodNotAllowed, "text/html"), (wrongMethod.Status, wrongMethod.MediaType));
    }

    [Fact]
    public async Task ForeignHostHeader_Answers403TextPlain()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "registered-models/search");
        request.Headers.Host = "0.0.0.0";
        using var response = await _http.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Invalid Host header - possible DNS rebinding attack detected", await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task TransitionStage_ArchiveExisting_ArchivesTheVersionInTheTargetStage()
    {
        await SendAsync(HttpMethod.Post, "registered-models/create", """{"name": "demo-model"}""");
        await SendAsync(HttpMethod.Post, "model-versions/create", """{"name": "demo-model", "source": "s3://b/1"}""");
        await SendAsync(HttpMethod.Post, "model-versions/create", """{"name": "demo-model", "source": "s3://b/2"}""");
        await SendAsync(HttpMethod.Post, "model-versions/transition-stage", """{"name": "demo-model", "version": "1", "stage": "Staging"}""");

        var (_, _, moved) = await SendAsync(HttpMethod.Post, "model-versions/transition-stage",
            """{"name": "demo-model", "version": "2", "stage": "staging", "archive_existing_versions": true}""");
        var (_, _, old) = await SendAsync(HttpMethod.Get, "model-versions/get?name=demo-model&version=1");

        Assert.Equal("Staging", JsonNode.Parse(moved)!["model_version"]!["current_stage"]!.GetValue<string>());
        Assert.Equal("Archived", JsonNode.Parse(old)!["model_version"]!["current_stage"]!.GetValue<string>());
    }

    [Fact]
    public async Task SearchVersions_OnePerPage_NextPageTokenUntilTheLast()
    {
        await SendAsync(HttpMethod.Post, "registered-models/create", """{"name": "demo-model"}""");
        await SendAsync(HttpMethod.Post, "model-versions/create", """{"name": "demo-model", "source": "s3://b/1"}""");
        await SendAsync(HttpMethod.Post, "model-versions/create", """{"name": "demo-model", "source": "s3://b/2"}""");

        var first = JsonNode.Parse((await SendAsync(HttpMethod.Get, "model-versions/search?filter=name%3D%27demo-model%27&max_results=1")).Body)!;
        var token = first["next_page_token"]!.GetValue<string>();
        var second = JsonNode.Parse((await SendAsync(HttpMethod.Get,
            $"model-versions/search?filter=name%3D%27demo-model%27&max_results=1&page_token={Uri.EscapeDataString(token)}")).Body)!;

        Assert.Equal("eyJvZmZzZXQiOiAxfQ==", token);
        Assert.Single(first["model_versions"]!.AsArray());
        Assert.Single(second["model_versions"]!.AsArray());
        Assert.Null(second["next_page_token"]);
    }

    [Fact]
    public async Task Run_LoggedMetrics_ReturnedByRunsGet()
    {
        var experiment = JsonNode.Parse((await SendAsync(HttpMethod.Post, "experiments/create", """{"name": "e"}""")).Body)!["experiment_id"]!.GetValue<string>();
        var run = JsonNode.Parse((await SendAsync(HttpMethod.Post, "runs/create", $$"""{"experiment_id": "{{experiment}}", "run_name": "v8-train"}""")).Body)!;
        var runId = run["run"]!["info"]!["run_id"]!.GetValue<string>();
        await SendAsync(HttpMethod.Post, "runs/log-metric", $$"""{"run_id": "{{runId}}", "key": "mae", "value": 0.0412, "timestamp": 1795481819526, "step": 0}""");

        var (_, _, body) = await SendAsync(HttpMethod.Get, $"runs/get?run_id={runId}");
        var missing = await SendAsync(HttpMethod.Get, "runs/get?run_id=doesnotexist");

        var metric = JsonNode.Parse(body)!["run"]!["data"]!["metrics"]![0]!;
        Assert.Equal("""{"key":"mae","value":0.0412,"timestamp":1795481819526,"step":0}""", metric.ToJsonString());
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
    }

    private async Task<(HttpStatusCode Status, string? MediaType, string Body)> SendAsync(
        HttpMethod method, string path, string? json = null, string? contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
            if (contentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }
        using var response = await _http.SendAsync(request, Cancel);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(Cancel));
    }
}
