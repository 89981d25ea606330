using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Lotte.IntegrationTests.Ingestion;

/// <summary>
/// Hostile inputs found by the fuzz tests: JSON strings and names that are not text (a lone surrogate escape,
/// bytes that are not UTF-8) are refused as the client's error, never a 500; bodies past the limit are refused
/// whether streamed or announced, and an announced one closes the connection it cannot be read on.
/// </summary>
public sealed class HostileInputTests(ServiceApiServer server) : IClassFixture<ServiceApiServer>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("eventId", "\"\\ud800\"", "eventId must be well-formed Unicode text")]
    [InlineData("unitId", "\"\\udc00\"", "unitId must be well-formed Unicode text")]
    [InlineData("arm", "\"\\ud800\\ud800\"", "arm must be well-formed Unicode text")]
    [InlineData("unitId", "\"unit-\xFF\"", "unitId must be well-formed Unicode text")]
    [InlineData("type", "\"expo\xC0\xAFsure\"", "type must be well-formed Unicode text")]
    [InlineData("attributes", "{\"region\":\"\xFF\"}", "attributes must be well-formed Unicode text")]
    [InlineData("attributes", "{\"region\":\"\\ud800\"}", "attributes must be well-formed Unicode text")]
    [InlineData("attributes", "{\"\\udbff\":1}", "attributes must be well-formed Unicode text")]
    public async Task PostEvents_FieldIsNotText_IsRefusedAndNothingStored(string field, string rawValue, string reason)
    {
        // Latin-1: each char of rawValue is one byte on the wire, so "\xFF" stays a lone 0xFF byte.
        var at = server.Target.StartedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var fields = new Dictionary<string, string>
        {
            ["eventId"] = "\"evt-1\"", ["type"] = "\"exposure\"", ["unitId"] = "\"unit-1\"", ["arm"] = "\"staging\"", ["occurredAt"] = $"\"{at}\"",
            [field] = rawValue,
        };
        var body = Encoding.Latin1.GetBytes("{\"events\":[{" + string.Join(',', fields.Select(f => $"\"{f.Key}\":{f.Value}")) + "}]}");

        using var response = await PostAsync("events", body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(_ct), StringComparison.Ordinal);
        Assert.Equal(IngestionRowCounts.None, await server.CountRowsAsync());
    }

    [Theory]
    [InlineData("{\"events\":[{\"eventId\":\"evt-1\",\"ty\\ud800pe\":\"exposure\"}]}", 422, "property names must be well-formed Unicode text")]
    [InlineData("{\"events\":[{\"eventId\":\"evt-1\"}],\"ev\\udfffents\":1}", 400, "Property names must be well-formed Unicode text.")]
    public async Task PostEvents_PropertyNameIsNotText_IsRefused(string body, int status, string reason)
    {
        // Property lookup scans from the last name back and unescapes names that could match: the bad name comes
        // last and starts like the one looked for, to be met on the way.
        using var response = await PostAsync("events", Encoding.Latin1.GetBytes(body));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(_ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"unitId\":\"\\ud800\"}")]
    [InlineData("{\"unitIds\":[\"unit-1\",\"\\udc00x\"]}")]
    [InlineData("{\"unitIds\":[\"unit-1\",\"unit-\xFF\"]}")]
    public async Task PostAssignments_UnitIdIsNotText_IsBadRequest(string body)
    {
        using var response = await PostAsync("assignments", Encoding.Latin1.GetBytes(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("is not a valid string", await response.Content.ReadAsStringAsync(_ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostAssignments_PropertyNameIsNotText_IsBadRequest()
    {
        using var response = await PostAsync("assignments", Encoding.UTF8.GetBytes("{\"unitId\":\"unit-1\",\"unit\\ud800Id\":1}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Property names must be well-formed Unicode text.", await response.Content.ReadAsStringAsync(_ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostAssignments_StreamedBodyOverTheLimit_IsTooLarge()
    {
        // No Content-Length: only the server's reading of the body can stop it.
        var body = Encoding.UTF8.GetBytes("{\"unitIds\":[" + string.Join(',', Enumerable.Repeat("\"unit-1\"", 80_000)) + "]}");

        using var response = await PostAsync("assignments", body, streamed: true);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("assignments", 600_000)]
    [InlineData("events", 9_000_000)]
    public async Task Post_AnnouncedBodyOverTheLimit_IsTooLargeAndClosesTheConnection(string endpoint, int length)
    {
        var body = Encoding.UTF8.GetBytes("{\"unitId\":\"" + new string('a', length) + "\"}");

        using var response = await PostAsync(endpoint, body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.True(response.Headers.ConnectionClose);
    }

    private async Task<HttpResponseMessage> PostAsync(string endpoint, byte[] body, bool streamed = false)
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, FuzzTarget.PathOf(server.Target.RunningKey, endpoint))
        {
            Content = streamed ? new UnsizedContent(body) : new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", server.Target.Token);
        request.Headers.ExpectContinue = !streamed && body.Length > 1024 * 1024;
        return await client.SendAsync(request, _ct);
    }
}
